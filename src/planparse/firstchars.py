"""The characters a match of a regex can start with, read off the regex itself.

re skips ahead fast only for a pattern that opens with a literal or a plain alternation of
literals; one that opens with an optional part (`(?:办公室)?组长`) or a group of many words is
tried in full at every position of the text. A lookahead of the characters it can start with
(`(?=[办组])…`) lets the engine pass over every other position with one set test.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

# re's own parser is the only full reading of Python's regex syntax; it has been at this place
# since 3.11, and an analysis that fails only costs speed (see `with_lead`).
from re import _constants as C  # noqa: N812
from re import _parser


class Anything(Exception):
    """The regex can start with any character, or uses something the analysis does not read."""


_CATEGORIES = {
    C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT}


def first_class(pattern: str) -> set[str]:
    """The pieces of a character class (`a`, `a-z`, `\\d`) that hold every character a match of
    `pattern` can start with. Raises `Anything` where that is any character."""
    parsed = _parser.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        raise Anything
    found, nullable = _first(parsed)
    if nullable:
        raise Anything
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
    raise Anything


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
            raise Anything
    return found


def with_lead(pattern: str) -> str:
    """`pattern` behind a lookahead of the characters its matches can start with, where those
    can be worked out; else `pattern` as it is."""
    try:
        pieces = first_class(pattern)
    except Anything:
        return pattern
    return "(?=[" + "".join(sorted(pieces)) + "])" + pattern
