"""The phase patterns that open with a stage name are tried only near a 阶段: the same matches
as running them over the whole plan."""
from __future__ import annotations

import pytest

from planparse.times.phases import _near_stage_word, _patterns

TEXTS = [
    "",
    "没有任何阶段性的安排。",
    "包括项目启动阶段、需求调研确认阶段、系统开发阶段、验收阶段等四个阶段。",
    "二十大安保维稳战时阶段自2022年10月30日开始，恢复阶段从11月1日起。",
    "准备阶段阶段、阶段阶段、实施阶段（X月6日至X月11日），总结阶段于12月完成。",
    "一" * 40 + "阶段、" + "二" * 3 + "阶段、" + "三三阶段" + "动员部署阶段2023年",
]


@pytest.mark.parametrize("key", ["dated", "listed"])
@pytest.mark.parametrize("text", TEXTS)
def test_near_stage_word_finds_what_finditer_finds(key, text):
    pattern = _patterns()[key]
    for lo in range(0, len(text) + 1, 3):
        for hi in (len(text), max(lo, len(text) - 5)):
            expected = [m.span() for m in pattern.finditer(text, lo, hi)]
            assert [m.span() for m in _near_stage_word(pattern, text, lo, hi)] == expected
