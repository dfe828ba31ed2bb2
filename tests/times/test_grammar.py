"""The grammar's rules and the lexicon's words, each run on the examples it carries."""
from __future__ import annotations

import re

import pytest

from planparse import parse_time
from planparse.datafiles import load_json
from planparse.times.grammar import rules, scanner
from planparse.times.lexicon import lexicon
from planparse.times.scan import scan

RULE_EXAMPLES = [(r.name, e) for r in rules() for e in r.examples]
RULE_COUNTERS = [(r.name, e) for r in rules() for e in r.counter_examples]
WORDS = [(kind, e["word"], x) for kind, entries in lexicon().items() if isinstance(entries, list)
         for e in entries for x in e["examples"]]


@pytest.mark.parametrize("rule,example", RULE_EXAMPLES)
def test_rule_example_gives_a_time(rule, example):
    assert parse_time(example) is not None, example


@pytest.mark.parametrize("rule,example", RULE_COUNTERS)
def test_rule_counter_example_gives_no_time(rule, example):
    assert parse_time(example) is None, example


@pytest.mark.parametrize("kind,word,example", WORDS)
def test_lexicon_word_is_found_in_its_example(kind, word, example):
    found = scan(example, 0, len(example))
    assert any(word in example[f.start:f.end] or word in (f.anchor or "") for f in found), (kind, example)


def test_every_rule_compiles_on_its_own():
    for r in rules():
        re.compile(r.pattern)


def test_the_scanner_skips_nothing_a_rule_would_find():
    """The lookahead in front of the scanner must let through every start that some rule can match."""
    for r in rules():
        alone = re.compile(r.pattern)
        for e in r.examples:
            for m in alone.finditer(e):
                assert scanner().search(e, m.start()) is not None, (r.name, e)


PHASES = load_json("time_phases.json")["examples"]


@pytest.mark.parametrize("case", PHASES, ids=[c["text"][:12] for c in PHASES])
def test_phase_examples(case):
    from planparse.times import find_phases, find_times

    text = case["text"]
    times = find_times(text, (0, len(text)), year=None, id_prefix="p1.")
    phases = find_phases(text, (0, len(text)), times=times, id_prefix="p1.")
    assert [p.name for p in phases] == case["phases"]
