"""Compiling the not-duty rules for speed must not change which group a clause falls in."""
from __future__ import annotations

import re

import pytest

from planparse.duties.lexicon import lexicon
from planparse.duties.rules import END_REACH, NotDutyRules, _uncaptured, heads, kind, tails

NOT_DUTIES = lexicon().raw["not_duties"]
GROUPS = {name: rule["patterns"] for name, rule in NOT_DUTIES.items() if isinstance(rule, dict) and "patterns" in rule}


def _plainly(groups: dict[str, list[str]], core: str) -> str | None:
    """The group of the first listed rule that matches at the start, else at the end, else anywhere:
    each rule tried on its own, as written."""
    for where in ("start", "end", "free"):
        for name, rules in groups.items():
            for rule in rules:
                if kind(rule) != where:
                    continue
                if where == "end":
                    found = re.compile(rule).search(core, max(0, len(core) - END_REACH))
                else:
                    found = re.compile(rule).search(core)
                if found:
                    return name
    return None


def _samples() -> list[str]:
    texts = [t for rule in NOT_DUTIES.values() if isinstance(rule, dict)
             for field in ("examples", "counter_examples") for t in rule.get(field, []) if isinstance(t, str)]
    # Pieces and line-broken copies reach rules that whole examples pass by.
    return texts + [t[k:] for t in texts for k in range(1, len(t))] + \
        [t[:k] for t in texts for k in range(1, len(t))] + [t + "\n" for t in texts] + ["", "\n"]


@pytest.mark.parametrize("core", _samples())
def test_the_compiled_rules_give_the_group_each_rule_gives(core):
    assert NotDutyRules(GROUPS).group_of(core) == _plainly(GROUPS, core)


def test_the_first_listed_rule_wins_where_two_match():
    # One rule is tried only on clauses ending in 好, the other on all: the order listed still decides.
    tailed, headed = "^[^，]{2,}好$", "^很好"
    assert NotDutyRules({"a": [tailed], "b": [headed]}).group_of("很好很好") == "a"
    assert NotDutyRules({"b": [headed], "a": [tailed]}).group_of("很好很好") == "b"
    assert NotDutyRules({"a": [tailed], "b": [headed]}).group_of("很好吧") == "b"


@pytest.mark.parametrize(("rule", "want"), [
    ("(a|b)c", "(?:a|b)c"),
    (r"\(x(y)", r"\(x(?:y)"),
    ("[(]x(z)", "[(]x(?:z)"),
    ("[]()]q(r)", "[]()]q(?:r)"),
    ("(?:a)(?P<n>b)(c)", "(?:a)(?P<n>b)(?:c)"),
    (r"(a)\1", r"(a)\1"),
])
def test_plain_groups_are_made_non_capturing(rule, want):
    assert _uncaptured(rule) == want


@pytest.mark.parametrize(("rule", "first", "last"), [
    ("(特|现)(制定|制订)", "特现", None),
    ("(的)?原则$", None, "则"),
    ("(时|之后|基础上)$", "时之基", "时后上"),
    ("a|b$", None, None),
    (r"\d$", None, None),
    ("a?b$", None, "b"),
    ("(?i)ab$", None, None),
    ("[ab]c", None, None),
])
def test_the_characters_a_match_must_start_or_end_with(rule, first, last):
    assert heads(rule) == (frozenset(first) if first else None)
    assert tails(rule) == (frozenset(last) if last else None)
