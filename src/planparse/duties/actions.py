"""What a clause directs: its modality, whether it directs at all, and its action text."""
from __future__ import annotations

import re

from ..model import Span
from .lexicon import DutyLexicon

_EDGE = " \t,，、；;：:。.！!？?"
# A prohibition's modal often follows an adverb: 坚决不得, 严格禁止.
_ADVERB_ROOM = 4
# A modal after a topic stands within this many characters of the clause's start.
_TOPIC_ROOM = 24


def modality(text: str, pos: int, end: int, lex: DutyLexicon) -> tuple[str | None, int, int]:
    """The modality of the predicate starting at `pos`, with the span of its modal word (or pos, pos).

    The modal may also stand inside the clause after a topic (`对…问题要逐一分析`); there it counts
    where it is not part of a word (重要, 应急), and a permission there is not taken."""
    # One search serves the head and the topic cases: no modal word is longer than the topic room,
    # so a modal at `pos` is found whole inside it. Most clauses have none at all.
    room = min(end, pos + _TOPIC_ROOM)
    m = lex.modal.search(text, pos, room)
    while m is not None:
        kind = lex.modality[m.group()]
        loose = not _in_word(text, m, lex)
        if m.start() == pos and loose:
            return kind, m.start(), m.end()
        if kind == "must_not" and m.start() - pos <= _ADVERB_ROOM:
            return kind, m.start(), m.end()
        if kind != "may" and loose:
            return kind, m.start(), m.end()
        m = lex.modal.search(text, m.end(), room)
    return None, pos, pos


def modal_at(text: str, pos: int, lex: DutyLexicon) -> bool:
    """A modal word (not part of another word: 需求, 应急) starts at `pos`."""
    m = lex.modal.match(text, pos)
    return m is not None and not _in_word(text, m, lex)


def _in_word(text: str, m: re.Match[str], lex: DutyLexicon) -> bool:
    word = m.group()
    if text.startswith(lex.not_modal_after.get(word, ()), m.end()):
        return True
    return m.start() > 0 and text[m.start() - 1] in lex.not_modal_before.get(word, ())


def not_a_duty(core: str, lex: DutyLexicon) -> str | None:
    """Why a clause directs no one (framing, set phrase, condition…), or None where it may direct."""
    if core in lex.set_phrases:
        return "set_phrases"
    return lex.not_duty.group_of(core)


def tidy(action: str) -> str:
    return action.strip(_EDGE)


def cut(text: str, start: int, end: int, holes: list[Span]) -> str:
    """text[start:end] without the `holes` (owner notes, modals, deadlines) inside it."""
    if not holes:
        return text[start:end]
    parts, pos = [], start
    for s, e in sorted(holes):
        if s >= pos and e <= end:
            parts.append(text[pos:s])
            pos = e
    parts.append(text[pos:end])
    return "".join(parts)
