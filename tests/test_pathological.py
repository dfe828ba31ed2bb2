"""Pathological text parses in time linear in its size: doubling the input must not quadruple the time.

Each case is timed at N and 2N in the same test, each at its best of three runs in CPU seconds
(another process busy on the machine stretches the wall clock, not this one's CPU time); a linear
parse gives a ratio near 2, a quadratic one near 4, and the bound of 3 leaves room for noise.
"""
from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from planparse import parse_text

MAX_RATIO = 3.0
# Thirteen numbering schemes, each starting at 1: every heading opens a level below the last.
LABELS = ("一、", "（一）", "1.", "（1）", "①", "1）", "a.", "（a）", "第一条", "第一章", "第一节", "Ⅰ.", "一是")


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        parse_text(text)
        best = min(best, time.process_time() - started)
        # A quadratic parse would take long enough to tell at once.
        if best > 2.0:
            break
    return best


def long_line(n: int) -> str:
    return "某某工作方案\n" + "加强领导落实责任" * (n // 8)


def nested_levels(n: int) -> str:
    return "某某工作方案\n" + "\n".join(LABELS[i % len(LABELS)] + "标题" for i in range(n))


def yi(n: int) -> str:
    return "一" * n


def full_stops(n: int) -> str:
    return "。" * n


CASES = [
    pytest.param(long_line, 200_000, id="a line of 400,000 characters"),
    pytest.param(yi, 350_000, id="1 MB of 一"),
    pytest.param(full_stops, 500_000, id="a million 。"),
    pytest.param(nested_levels, 10_000, id="20,000 nested numbering levels"),
]


@pytest.mark.parametrize(("make", "n"), CASES)
def test_doubling_the_input_does_not_quadruple_the_time(make: Callable[[int], str], n: int):
    small, large = _seconds(make(n)), _seconds(make(2 * n))
    assert large / max(small, 1e-3) < MAX_RATIO, f"{small:.3f} s at N, {large:.3f} s at 2N"
