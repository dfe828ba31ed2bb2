"""find_times and find_phases over whole plans: ids, spans, sections, years, phases and their times."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from planparse import parse_text
from planparse.times import find_phases, find_times, parse_time

PLAN = """某某中学国庆期间安全稳定工作实施方案
一、工作目标
确保国庆期间校园安全稳定。各班级每天下午5时前向办公室报告。
二、实施步骤
（一）动员部署阶段（X月6日至X月11日）。各处室要在9月30日前制定方案。
（二）组织实施阶段（X月12日至X月30日）。事件发生后1小时内上报。
（三）全面总结阶段（二十大闭幕后5日内）。
某某中学
2022年9月1日
"""


def _plan():
    doc = parse_text(PLAN)
    assert doc.plans
    return doc, doc.plans[0]


def test_times_of_a_plan_in_order_with_ids_and_spans():
    doc, plan = _plan()
    assert [t.id for t in plan.times] == [f"p1.t{n}" for n in range(1, len(plan.times) + 1)]
    starts = [t.span[0] for t in plan.times]
    assert starts == sorted(starts)
    for t in plan.times:
        assert doc.text[t.span[0]:t.span[1]] == t.text
    texts = [t.text for t in plan.times]
    assert "国庆期间" in texts[0]
    assert "每天下午5时前" in texts
    assert "2022年9月1日" in texts


def test_the_plan_states_its_year_and_dates_without_one_take_it():
    _, plan = _plan()
    by_text = {t.text: t for t in plan.times}
    assert by_text["9月30日前"].value == "2022-09-30"
    assert by_text["X月6日至X月11日"].start == "2022-XX-06"
    assert by_text["每天下午5时前"].value == "XXXX-XX-XXT17:00"


def test_a_year_given_by_the_caller_wins():
    doc = parse_text(PLAN, year=2019)
    by_text = {t.text: t for t in doc.plans[0].times}
    assert by_text["9月30日前"].value == "2019-09-30"


def test_an_event_anchored_time_is_never_resolved():
    _, plan = _plan()
    t = next(t for t in plan.times if t.anchor == "二十大闭幕")
    assert t.value == "P5D" and t.type == "DURATION" and t.start is None


def test_times_know_their_section():
    _, plan = _plan()
    t = next(t for t in plan.times if t.text == "每天下午5时前")
    section = next(s for s in plan.sections if s.id == t.section)
    assert section.title.startswith("工作目标")


def test_phases_in_order_with_their_times():
    _, plan = _plan()
    assert [p.name for p in plan.phases] == ["动员部署阶段", "组织实施阶段", "全面总结阶段"]
    assert [p.order for p in plan.phases] == [1, 2, 3]
    times = {t.id: t for t in plan.times}
    first = plan.phases[0]
    assert times[first.start].start == "2022-XX-06" and times[first.end].end == "2022-XX-11"
    last = plan.phases[2]
    assert last.start is None and times[last.end].anchor == "二十大闭幕"


def test_find_times_stays_inside_its_span():
    text = "10月1日。国庆期间值班。10月8日"
    inner = find_times(text, (5, 12), year=None, id_prefix="p2.")
    assert [t.text for t in inner] == ["国庆期间"]
    assert inner[0].id == "p2.t1" and inner[0].span == (6, 10)


def test_phases_without_times():
    text = "（一）调查摸底阶段。要全面摸底。\n（二）整改落实阶段。要逐一整改。"
    phases = find_phases(text, (0, len(text)), times=[], id_prefix="p1.")
    assert [(p.id, p.name, p.start, p.end) for p in phases] == [
        ("p1.ph1", "调查摸底阶段", None, None), ("p1.ph2", "整改落实阶段", None, None)]


def test_parse_time_takes_the_longest_time_of_a_phrase():
    t = parse_time("要于每日下午5时前报局基层股")
    assert t is not None and t.text == "每日下午5时前" and t.type == "SET"
    assert parse_time("及时报告，立即处置") is None


_CHARS = st.sampled_from(list("年月日时天周期前后至到每上下午1234567890X二十大国庆开幕闭幕召开结束，。、的在从起内以来"))


@given(st.text(_CHARS, max_size=60))
def test_any_text_gives_ordered_disjoint_times_that_quote_it(text):
    times = find_times(text, (0, len(text)), year=None, id_prefix="p1.")
    end = 0
    for t in times:
        assert end <= t.span[0] < t.span[1] <= len(text)
        assert text[t.span[0]:t.span[1]] == t.text
        end = t.span[1]
