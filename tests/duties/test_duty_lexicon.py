"""The examples in data/duty_lexicon.json are the specification of the duty finder's rules."""
from __future__ import annotations

import pytest

from planparse.duties.actions import modality, not_a_duty
from planparse.duties.actorindex import ActorIndex
from planparse.duties.deadlines import TimeIndex
from planparse.duties.doers import find_subject, set_up_body, skip_front
from planparse.duties.lexicon import lexicon
from planparse.duties.markers import MarkerReader
from planparse.model import Section

from .helpers import actions, actors_named, run

LEX = lexicon()
RAW = LEX.raw
NOT_DUTIES = RAW["not_duties"]


def _subject_names(text: str, names: list[str]) -> list[str]:
    actors = actors_named(text, names)
    found = find_subject(text, 0, len(text), ActorIndex(actors), LEX, TimeIndex(()))
    by_id = {a.id: a.name for a in actors}
    return [by_id[o.actor] for o in found.owners] if found else []


@pytest.mark.parametrize(("text", "want"), RAW["modals"]["examples"])
def test_modal_examples(text, want):
    assert modality(text, 0, len(text), LEX)[0] == want


@pytest.mark.parametrize("text", RAW["modals"]["counter_examples"])
def test_modal_counter_examples(text):
    assert modality(text, 0, len(text), LEX)[0] is None


@pytest.mark.parametrize(("text", "rest"), RAW["clause_openers"]["examples"])
def test_clause_openers(text, rest):
    assert text[skip_front(text, 0, len(text), LEX, TimeIndex(())):] == rest


@pytest.mark.parametrize(("text", "doer"), RAW["doer_openers"]["examples"] + RAW["assigning_verbs"]["examples"])
def test_doer_examples(text, doer):
    assert _subject_names(text, [doer]) == [doer]


@pytest.mark.parametrize(("text", "name"), RAW["object_markers"]["examples"] + RAW["guiding_verbs"]["examples"])
def test_objects_and_audiences_are_not_doers(text, name):
    assert name not in _subject_names(text, [name])


@pytest.mark.parametrize(("text", "body"), RAW["setup_verbs"]["examples"])
def test_set_up_body(text, body):
    actors = actors_named(text, [body])
    assert [o.actor for o in set_up_body(text, 0, len(text), ActorIndex(actors), LEX)] == [actors[0].id]
    duties, _, names = run(text, [body])
    assert [names[a.actor] for d in duties for a in d.assignees] == [body] * len(duties)
    assert duties and all(not d.action.startswith(("成立", "设立")) for d in duties)


@pytest.mark.parametrize(("text", "name", "role"), RAW["roles"]["examples"])
def test_roles(text, name, role):
    actors = actors_named(text, [name])
    found = find_subject(text, 0, len(text), ActorIndex(actors), LEX, TimeIndex(()))
    assert found and found.owners[0].role == role


def _not_duty_cases(field: str) -> list[tuple[str, str]]:
    return [(group, text) for group, rule in NOT_DUTIES.items() if isinstance(rule, dict)
            for text in rule.get(field, []) if isinstance(text, str)] + \
        [(group, text) for group, rule in NOT_DUTIES.items() if isinstance(rule, dict) and field == "examples"
         for text in rule.get("words", [])]


@pytest.mark.parametrize(("group", "text"), _not_duty_cases("examples"))
def test_not_duty_examples(group, text):
    assert not_a_duty(text, LEX), f"{group}: {text}"


@pytest.mark.parametrize(("group", "text"), _not_duty_cases("counter_examples"))
def test_not_duty_counter_examples(group, text):
    assert not_a_duty(text, LEX) is None, f"{group}: {text}"


@pytest.mark.parametrize("text", RAW["adjuncts"]["examples"])
def test_adjuncts_frame_the_next_clause(text):
    assert LEX.adjuncts.search(text)
    got = actions(f"{text}，认真做好登记造册工作。")
    assert got == [f"{text}，认真做好登记造册工作"]


@pytest.mark.parametrize("text", RAW["adjuncts"]["counter_examples"])
def test_adjunct_counter_examples(text):
    assert not LEX.adjuncts.search(text)


@pytest.mark.parametrize(("text", "is_topic"), RAW["topics"]["examples"])
def test_topics(text, is_topic):
    assert bool(LEX.topic.match(text) and not LEX.topic_verbs.search(text)) == is_topic


@pytest.mark.parametrize(("text", "doer", "target"), RAW["reports"]["examples"] + RAW["oversight"]["examples"])
def test_reports_and_oversight(text, doer, target):
    targets = target.split("|")
    _, relations, by_id = run(text + "。", [doer, *targets])
    assert [(by_id[r.source], by_id[r.target]) for r in relations] == [(doer, t) for t in targets]


@pytest.mark.parametrize(("text", "want"), RAW["markers"]["examples"])
def test_markers(text, want):
    lead, support = want.split("|")
    names = lead.split("、") + support.split("、")
    actors = actors_named(text, names)
    by_id = {a.id: a.name for a in actors}
    mk = MarkerReader(LEX, ActorIndex(actors)).read(text, 0, len(text), bracketed=True)
    assert mk is not None
    assert [by_id[o.actor] for o in mk.owners if o.role == "lead"] == lead.split("、")
    assert [by_id[o.actor] for o in mk.owners if o.role == "support"] == support.split("、")


@pytest.mark.parametrize(("row", "want"), RAW["table_columns"]["examples"])
def test_table_columns(row, want):
    assert [k for k in (LEX.column_kind(c) for c in row.split("\t")) if k] == want.split("|")


@pytest.mark.parametrize("text", RAW["labels"]["examples"])
def test_labels_are_not_duties(text):
    assert text not in actions(f"{text}：某某。")


@pytest.mark.parametrize("text", RAW["captions"]["examples"])
def test_caption_lines_are_not_duties(text):
    assert actions(f"{text}\n各科室要做好登记。", ["各科室"]) == ["做好登记"]


@pytest.mark.parametrize("text", RAW["runin_topics"]["examples"])
def test_runin_topic_sentences_are_not_duties(text):
    assert actions(f"{text}。构建德育体系，健全育人机制。") == ["构建德育体系", "健全育人机制"]


@pytest.mark.parametrize(("heading", "directs"), RAW["headings"]["examples"])
def test_headings(heading, directs):
    text = f"{heading}。各科室要认真落实。"
    label = heading.split("、")[0] + "、" if "、" in heading[:3] else heading[:3]
    section = Section("t.s1", None, 1, label, 1, heading[len(label):], (0, len(text)), "x", (0, len(heading)))
    got = actions(text, ["各科室", "班主任"], (section,))
    assert (len(got) > 1) == directs, got


@pytest.mark.parametrize(("text", "action"), RAW["complements"]["examples"])
def test_complements(text, action):
    assert actions(text + "。") == [action]


@pytest.mark.parametrize(("text", "action"), RAW["consequences"]["examples"])
def test_consequences_belong_to_what_is_prevented(text, action):
    assert actions(text + "。") == [action]


@pytest.mark.parametrize(("text", "frame"), RAW["adjuncts"]["split"]["examples"])
def test_a_frame_split_by_a_comma_stays_one(text, frame):
    assert actions(f"{text}，认真排查安全隐患。") == [f"{frame}，认真排查安全隐患"]
