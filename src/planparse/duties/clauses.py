"""Cutting the text of a plan into paragraphs, sentences and comma clauses."""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..model import Span

# Clause ends at depth 0 only: a comma inside brackets or quotes belongs to a name or a quotation.
_CLAUSE_END = "，,；;。！？!?：:"
_SENTENCE_END = "。！？!?"
_OPEN = "（(【[《“‘〔"
_CLOSE = "）)】]》”’〕"
_ROUND_OPEN, _ROUND_CLOSE = "（(", "）)"
# The clause marks that may stand inside a number.
_NUMBER_MARKS = ":：,."
_MARKS = re.compile("[" + re.escape(_CLAUSE_END + _OPEN + _CLOSE) + "]")
# An unclosed bracket or quote must not swallow the rest of its paragraph.
_LONGEST_BRACKET = 150


@dataclass(slots=True)
class Clause:
    """A stretch of one paragraph between two clause marks; `end` stops before the mark."""

    start: int
    end: int
    mark: str
    sentence: int
    first_of_sentence: bool
    first_of_paragraph: bool


def _between_digits(text: str, i: int, start: int, end: int) -> bool:
    """`1:30`, `2：00`, `1,000`: a mark inside a number ends nothing."""
    return start < i < end - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """The span text[start:end] without the spaces around it."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraphs(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """The non-blank lines of text[lo:hi], without their surrounding spaces."""
    pos = lo
    while pos < hi:
        nl = text.find("\n", pos, hi)
        end = hi if nl < 0 else nl
        s, e = stripped(text, pos, end)
        if s < e:
            yield s, e
        pos = end + 1


def clauses(text: str, start: int, end: int, sentence0: int,
            breaks: Sequence[int] = ()) -> list[Clause]:
    """The clauses of one paragraph; sentences are numbered on from `sentence0`.

    `breaks` (sorted) are offsets where a heading starts or ends: a clause ends there even without
    a mark, as a file without line breaks runs its headings into the text."""
    inside = breaks[bisect.bisect_right(breaks, start):bisect.bisect_left(breaks, end)]
    next_break = 0
    cuts: list[tuple[int, int, str]] = []
    depth = 0
    cs = opened = start
    for m in _MARKS.finditer(text, start, end):
        i = m.start()
        # A break ends a clause whatever the brackets, before a mark at its own offset.
        while next_break < len(inside) and inside[next_break] <= i:
            if inside[next_break] > cs:
                cuts.append((cs, inside[next_break], "。"))
                cs = inside[next_break]
            next_break += 1
        if depth and i - opened > _LONGEST_BRACKET:
            depth = 0
        ch = m.group()
        if ch in _OPEN:
            if not depth:
                opened = i
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and not (ch in _NUMBER_MARKS and _between_digits(text, i, start, end)):
            cuts.append((cs, i, ch))
            cs = i + 1
    for b in inside[next_break:]:
        if b > cs:
            cuts.append((cs, b, "。"))
            cs = b
    cuts.append((cs, end, "。"))
    return _numbered(text, cuts, sentence0)


def _numbered(text: str, cuts: list[tuple[int, int, str]], sentence: int) -> list[Clause]:
    """Clauses from the stretches between marks, without their surrounding spaces; a stretch of
    spaces only is no clause, though its sentence mark still ends a sentence."""
    out: list[Clause] = []
    new_sentence = True
    for s, e, mark in cuts:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append(Clause(s, e, mark, sentence, new_sentence, not out))
            new_sentence = False
        if mark in _SENTENCE_END:
            sentence += 1
            new_sentence = True
    return out


def bracket_groups(text: str, start: int, end: int) -> list[Span]:
    """Top-level bracket groups in text[start:end]."""
    out, depth, opened = [], 0, start
    for i in range(start, end):
        ch = text[i]
        if ch in _ROUND_OPEN:
            if not depth:
                opened = i
            depth += 1
        elif ch in _ROUND_CLOSE and depth:
            depth -= 1
            if not depth:
                out.append((opened, i + 1))
    return out
