"""Where a time can start: a lookahead put in front of the scanner, worked out from the rules.

Running text holds a time at one position in a few hundred, and trying every rule at every
position is most of a scan's cost. The characters a rule can start with are read off its
parsed regex. Where that is the first character of a lexicon word (学 of 学期, 国 of 国庆节),
the position is let through only when the word's second character follows: those characters
are common in any text, the words rare.

The analysis is sound for the regex features it knows and gives up (no lookahead, every
position tried) on any it does not, or where a rule could start with any character. One
thing it leaves out on purpose: a time never starts with a space.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

# re's own parser is the only full reading of Python's regex syntax; it has been at this place
# since 3.11, and an analysis that fails only costs speed (see `lead_pattern`).
from re import _constants as C  # noqa: N812
from re import _parser

# Stands for a lexicon word at the start of a rule while its first characters are read.
WORD = "\ue000"


class _Anything(Exception):
    """The regex can start with any character, or uses something the analysis does not read."""


_CATEGORIES = {
    C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W",
}
_SPACES = " \t\u3000"
_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT}


def first_class(pattern: str) -> set[str]:
    """The pieces of a character class (`a`, `a-z`, `\\d`) that hold every character a match of
    `pattern` can start with. Raises `_Anything` where that is any character."""
    parsed = _parser.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        raise _Anything
    found, nullable = _first(parsed)
    if nullable:
        raise _Anything
    return found


def _first(items: Iterable) -> tuple[set[str], bool]:
    """First-character class pieces of a sequence, and whether it can match the empty string."""
    found: set[str] = set()
    for op, av in items:
        pieces, nullable = _first_of(op, av)
        found |= pieces
        if not nullable:
            return found, False
    return found, True


def _first_of(op, av) -> tuple[set[str], bool]:
    if op is C.LITERAL:
        return {re.escape(chr(av))}, False
    if op is C.IN:
        return _class(av), False
    if op is C.BRANCH:
        found: set[str] = set()
        nullable = False
        for alternative in av[1]:
            pieces, empty = _first(alternative)
            found |= pieces
            nullable |= empty
        return found, nullable
    if op is C.SUBPATTERN:
        return _first(av[3])
    if op is C.ATOMIC_GROUP:
        return _first(av)
    if op in _REPEATS:
        pieces, empty = _first(av[2])
        return pieces, empty or av[0] == 0
    if op in _ZERO_WIDTH:
        return set(), True
    raise _Anything


def _class(items) -> set[str]:
    found = set()
    for op, av in items:
        if op is C.LITERAL:
            found.add(re.escape(chr(av)))
        elif op is C.RANGE:
            found.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is C.CATEGORY and av in _CATEGORIES:
            found.add(_CATEGORIES[av])
        else:
            raise _Anything
    return found


def lead_pattern(rule_patterns: Iterable[str], words: Iterable[str]) -> str:
    """A lookahead that lets through every position where one of the rules can match, given the
    rules with each lexicon slot replaced by WORD and the words those slots hold; "" where no
    such lookahead can be worked out."""
    pieces: set[str] = set()
    try:
        for pattern in rule_patterns:
            pieces |= first_class(pattern)
    except _Anything:
        return ""
    starts_word = re.escape(WORD) in pieces
    pieces.discard(re.escape(WORD))
    # An optional space inside a date (`2024年 3 月`) may also open a rule; a time found from
    # there would take in the space before it.
    pieces -= {re.escape(c) for c in _SPACES}
    class_of = re.compile("[" + "".join(sorted(pieces)) + "]") if pieces else None
    seconds: dict[str, set[str]] = defaultdict(set)
    for word in words if starts_word else ():
        if class_of is not None and class_of.match(word):
            continue
        if len(word) == 1:
            pieces.add(re.escape(word))
        else:
            seconds[word[0]].add(word[1])
    if not pieces and not seconds:
        return ""
    # One set check passes over most positions; the word prefixes are tried only where it lets a
    # position through, a char class first since most positions that pass are a digit or numeral.
    firsts = "[" + "".join(sorted(pieces | {re.escape(c) for c in seconds})) + "]"
    branches = ["[" + "".join(sorted(pieces)) + "]"] if pieces else []
    branches += [re.escape(first) + "[" + "".join(re.escape(c) for c in sorted(after)) + "]"
                 for first, after in sorted(seconds.items())]
    return f"(?={firsts})(?=" + "|".join(branches) + ")"
