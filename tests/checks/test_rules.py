"""Each rule's examples in data/checks.json are its specification: it fires on every positive
plan and on no negative one. Each planted plan in tests/data/checks sets off its rule, and the
clean plan none."""
from __future__ import annotations

from pathlib import Path

import pytest

import planparse
from planparse.checks import CheckConfig, rules
from planparse.checks.registry import SEVERITIES

PLANTED = Path(__file__).resolve().parents[1] / "data" / "checks"
RULE_IDS = ["numbering-skip", "placeholder", "group-without-leader", "office-without-parent", "idle-actor",
            "orphan-duty", "collective-only", "no-lead", "vague-deadline", "deadline-after-end",
            "report-to-undefined", "report-chain-break", "report-without-time", "phase-overlap", "phase-gap",
            "phase-order", "phase-undated"]


def _fired(text: str, rule_id: str) -> list:
    doc = planparse.parse_text(text)
    return doc.check(CheckConfig(select=(rule_id,)))


def _examples(kind: str) -> list:
    return [pytest.param(rule.id, text, id=f"{rule.id}-{n}")
            for rule in rules().values() for n, text in enumerate(getattr(rule, kind))]


def test_the_rule_ids_are_the_stable_ones():
    assert list(rules()) == RULE_IDS


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_every_rule_is_described(rule_id):
    rule = rules()[rule_id]
    assert rule.severity in SEVERITIES
    assert rule.rationale and rule.positive and rule.negative


@pytest.mark.parametrize(("rule_id", "text"), _examples("positive"))
def test_rule_fires_on_its_positive_examples(rule_id, text):
    assert _fired(text, rule_id)


@pytest.mark.parametrize(("rule_id", "text"), _examples("negative"))
def test_rule_is_silent_on_its_negative_examples(rule_id, text):
    assert not _fired(text, rule_id)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_planted_gap_is_found(rule_id):
    findings = planparse.parse(PLANTED / f"{rule_id}.txt").check()
    assert rule_id in {f.rule for f in findings}


def test_clean_plan_has_no_finding():
    assert planparse.parse(PLANTED / "clean.txt").check() == []


def test_findings_point_into_the_text_and_their_section():
    doc = planparse.parse(PLANTED / "vague-deadline.txt")
    (finding,) = doc.check(CheckConfig(select=("vague-deadline",)))
    assert finding.severity == "info"
    assert "尽快" in doc.text[finding.span[0]:finding.span[1]]
    plan = doc.plans[0]
    assert finding.section == plan.section_at(finding.span[0]).id
    assert set(finding.refs) <= {d.id for d in plan.duties} | {t.id for t in plan.times}


def test_plan_check_without_text_still_runs_every_rule():
    doc = planparse.parse(PLANTED / "phase-order.txt")
    assert "phase-order" in {f.rule for f in doc.plans[0].check()}


def test_config_overrides_severity_and_leaves_rules_out():
    doc = planparse.parse(PLANTED / "placeholder.txt")
    (finding,) = doc.check(CheckConfig(severity={"placeholder": "info"}))
    assert finding.severity == "info"
    assert doc.check(CheckConfig(ignore=("placeholder",))) == []


def test_findings_validate_against_the_schema(finding_validator):
    for path in sorted(PLANTED.glob("*.txt")):
        for finding in planparse.parse(path).check():
            assert not list(finding_validator.iter_errors(finding.to_dict())), finding


def test_a_lost_heading_is_reported_once_as_a_skip():
    # 三、 and its first two items are missing: its （三） then repeats one under 二、, which is the same loss.
    text = ("某县2025年防火工作方案\n一、组织领导\n成立县防火工作领导小组，由县长任组长。\n二、工作任务\n"
            "（一）县林业局负责林区巡查。\n（二）县应急局负责物资储备。\n（三）县公安局负责火案侦办。\n"
            "（三）县气象局负责火险预报。\n四、工作要求\n各单位要加强值守。\n某县人民政府\n2025年1月10日\n")
    findings = planparse.parse_text(text).check(CheckConfig(select=("numbering-skip",)))
    assert [f.message.split(":")[-1].strip() for f in findings] == ["1 number(s) skipped"]
