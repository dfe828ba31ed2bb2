"""Word lists as trie-shaped regexes: the same matches as an alternation ordered longest first."""
from __future__ import annotations

import random
import re

import pytest

from planparse.wordtrie import word_pattern

EXAMPLES = [
    (["二十大", "党的二十大", "党的"], "召开党的二十大期间", ["党的二十大"]),
    (["教育局", "教育厅", "卫健委"], "教育厅、卫健委和教育部", ["教育厅", "卫健委"]),
    (["局", "局长"], "局长和局", ["局长", "局"]),
    (["a.b", "a"], "axb a.b", ["a", "a.b"]),
]


@pytest.mark.parametrize("words,text,found", EXAMPLES)
def test_example(words, text, found):
    assert re.findall(word_pattern(words), text) == found


def test_a_shorter_word_is_taken_where_the_rest_of_the_pattern_needs_it():
    assert re.match(word_pattern(["局", "局长"]) + "长期", "局长期").group() == "局长期"


def test_no_words_match_nothing():
    assert re.search(word_pattern([]), "任何文字") is None


def test_an_empty_word_is_refused():
    with pytest.raises(ValueError):
        word_pattern(["", "局"])


def test_same_matches_as_the_longest_first_alternation_on_random_text():
    rng = random.Random(7)
    alphabet = "教育局厅委长部门"
    for _ in range(200):
        words = {"".join(rng.choices(alphabet, k=rng.randint(1, 4))) for _ in range(rng.randint(1, 12))}
        text = "".join(rng.choices(alphabet, k=60))
        plain = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
        tail = rng.choice(["", "门", "(?!部)"])
        expected = [m.span() for m in re.finditer(f"(?:{plain}){tail}", text)]
        assert [m.span() for m in re.finditer(word_pattern(words) + tail, text)] == expected, (words, text)
