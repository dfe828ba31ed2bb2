"""The examples in data/actors.json are the specification of the mention finder."""
from __future__ import annotations

import pytest

from planparse.actors import find_actors, find_mentions
from planparse.actors.lexicon import lexicon

RAW = lexicon().raw


def _names(text: str) -> list[str]:
    return [m.name for m in find_mentions(text, 0, len(text))]


def _named_examples() -> list[tuple[str, str, str]]:
    out = []
    for entry in RAW["body_suffixes"]:
        out += [(entry["suffix"], text, want) for text, want in entry["examples"]]
    for key, table in RAW.items():
        if isinstance(table, dict) and key not in ("source_cues", "not_bodies", "subject_cues", "receiver_cues",
                                                   "verbs_before_names", "person_titles",
                                                   "assign_cues", "audience_cues", "role_giving", "partners", "overseen",
                                                   "outsiders", "set_up"):
            out += [(key, ex[0], ex[1]) for ex in table.get("examples", []) if isinstance(ex, list) and ex[1]]
    return out


@pytest.mark.parametrize(("rule", "text", "want"), _named_examples())
def test_example_is_found(rule, text, want):
    assert want in _names(text), f"{rule}: {text!r} gave {_names(text)}"


@pytest.mark.parametrize(("suffix", "text"), [(e["suffix"], t) for e in RAW["body_suffixes"]
                                               for t in e.get("counter_examples", [])])
def test_counter_example_gives_no_body(suffix, text):
    assert not [m for m in find_mentions(text, 0, len(text)) if m.head == suffix], text


@pytest.mark.parametrize("text", RAW["not_bodies"]["examples"] + [t for t, _ in RAW["verbs_before_names"]["examples"]])
def test_common_nouns_and_clause_verbs_are_not_names(text):
    lex = lexicon()
    for name in _names(text):
        assert not any(name.startswith(v) for v in lex.verbs_before_names), name
        assert not any(name.endswith(w) for w in lex.not_bodies), name


def test_mentions_keep_their_offsets():
    text = "一、组织领导\n由学校办公室牵头，各班级每天向领导小组办公室报告。"
    for m in find_mentions(text, 0, len(text)):
        assert text[m.start:m.end] == m.name


@pytest.mark.parametrize(("text", "want"), RAW["person_titles"]["examples"])
def test_named_people_of_an_organisation_statement(text, want):
    actors, relations = find_actors(text, (0, len(text)), issuer=None, id_prefix="p1.")
    by_id = {a.id: a for a in actors}
    leaders = [by_id[r.source].name for r in relations if r.type == "member_of" and r.role == "组长"]
    assert leaders == [want]


def _actor_names(text: str) -> set[str]:
    actors, _ = find_actors(text, (0, len(text)), issuer=None, id_prefix="p1.")
    return {n for a in actors for n in (a.name, *a.aliases)}


@pytest.mark.parametrize(("text", "want"), RAW["assign_cues"]["examples"] + RAW["bare_doers"]["examples"]
                         + RAW["role_giving"]["examples"] + RAW["partners"]["examples"]
                         + RAW["overseen"]["examples"] + RAW["set_up"]["examples"])
def test_who_is_put_in_charge_is_an_actor(text, want):
    assert want in _actor_names(text)


@pytest.mark.parametrize(("text", "audience"), RAW["audience_cues"]["examples"] + RAW["overseen"]["counter_examples"]
                         + RAW["set_up"]["counter_examples"])
def test_the_audience_of_another_act_is_no_actor(text, audience):
    assert audience not in _actor_names(text)


@pytest.mark.parametrize("text", RAW["placeholder_person"]["counter_examples"])
def test_a_blank_for_a_number_or_date_is_no_person(text):
    assert not [m for m in find_mentions(text, 0, len(text)) if m.kind == "person"], text


@pytest.mark.parametrize("text", RAW["outsiders"]["examples"])
def test_outsiders_only_regulated_are_no_actors(text):
    assert not [m for m in find_mentions(text, 0, len(text)) if m.kind == "role"], text
