"""The scanner's lookahead: which positions a time can start at, read off the rules."""
from __future__ import annotations

import re

from planparse.times.grammar import grammar, lead, rules, scanner
from planparse.times.prefilter import WORD, lead_pattern


def test_lead_lets_word_starts_through_only_with_their_second_character():
    pattern = re.compile(lead_pattern([f"{WORD}后", r"\d+年"], ["国庆节", "春节", "年", "3月"]))
    assert [m.start() for m in pattern.finditer("国家国庆节春天春节后2024年年底")] == [2, 7, 10, 11, 12, 13, 14, 15]


def test_lead_keeps_no_leading_space():
    pattern = re.compile(lead_pattern([r" ?\d+月"], []))
    assert [m.start() for m in pattern.finditer("于 3 月")] == [2]


def test_lead_is_empty_where_a_rule_could_start_anywhere():
    assert lead_pattern([r"\d年", ".月"], []) == ""


def test_the_grammar_gets_a_lead():
    """Every rule of the grammar is within what the analysis reads: a rule it gives up on would
    make every scan try every rule at every position, several times slower."""
    assert lead().startswith("(?=")


def test_the_lead_passes_every_lexicon_word():
    from planparse.times.lexicon import fragment_words

    head = re.compile(lead())
    assert [word for word in fragment_words() if not head.match(word)] == []


def test_no_rule_is_skipped_on_its_examples():
    for r in rules():
        alone = re.compile(r.pattern)
        for example in r.examples:
            for m in alone.finditer(example):
                if example[m.start()].isspace():
                    continue
                assert scanner().search(example, m.start()) is not None, (r.name, example)


def test_grammar_has_no_hand_kept_start_list():
    assert "starts" not in grammar()
