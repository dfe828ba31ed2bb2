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

from ..firstchars import Anything, first_class

# Stands for a lexicon word at the start of a rule while its first characters are read.
WORD = "\ue000"
_SPACES = " \t\u3000"


def lead_pattern(rule_patterns: Iterable[str], words: Iterable[str]) -> str:
    """A lookahead that lets through every position where one of the rules can match, given the
    rules with each lexicon slot replaced by WORD and the words those slots hold; "" where no
    such lookahead can be worked out."""
    pieces: set[str] = set()
    try:
        for pattern in rule_patterns:
            pieces |= first_class(pattern)
    except Anything:
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
