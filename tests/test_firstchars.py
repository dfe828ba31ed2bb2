"""The characters a match of a regex can start with, and the lookahead made of them."""
from __future__ import annotations

import re

import pytest

from planparse.firstchars import Anything, first_class, with_lead

FIRST_CLASSES = [
    ("年", {"年"}),
    ("(?:上|下)半年", {"上", "下"}),
    ("第?[一二三]季度", {"第", "一", "二", "三"}),
    (r"(?<![\d%])\d{4}年", {r"\d"}),
    ("[1-9]月", {"1-9"}),
    (r"(?:\s*)?每周", {r"\s", "每"}),
    ("(?=每)每日", {"每"}),
    ("(?>春|秋)季", {"春", "秋"}),
]


@pytest.mark.parametrize("pattern,expected", FIRST_CLASSES)
def test_first_class(pattern, expected):
    assert first_class(pattern) == expected


@pytest.mark.parametrize("pattern", [".年", "[^年]月", "年?", r"(a)?\1b", "(?i)q"])
def test_first_class_gives_up_where_a_match_can_start_anywhere(pattern):
    with pytest.raises(Anything):
        first_class(pattern)


def test_with_lead_finds_the_same():
    pattern = r"(?:办公室)?(?P<role>副组长|组长|主任)\s*[：:]"
    text = "领导小组组长：张三，副组长：李四；办公室主任：王五。组长负责全面工作。"
    led = with_lead(pattern)
    assert led.startswith("(?=[")
    assert [m.span() for m in re.finditer(led, text)] == [m.span() for m in re.finditer(pattern, text)]


def test_with_lead_leaves_a_pattern_it_cannot_read():
    assert with_lead(".年") == ".年"
