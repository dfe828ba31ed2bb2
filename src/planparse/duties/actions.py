"""What a clause directs: its modality, whether it directs at all, and its action text."""
from __future__ import annotations

import re

from ..model import Span
from .lexicon import END_REACH, DutyLexicon

_EDGE = " \t,，、；;：:。.！!？?"
# A prohibition's modal often follows an adverb: 坚决不得, 严格禁止.
_ADVERB_ROOM = 4
# A modal after a topic stands within this many characters of the clause's start.
_TOPIC_ROOM = 24


def modality(text: str, pos: int, end: int, lex: DutyLexicon) -> tuple[str | None, int, int]:
    """The modality of the predicate starting at `pos`, with the span of its modal word (or pos, pos).

    The modal may also stand inside the clause after a topic (`对…问题要逐一分析`); there it counts
    where it is not part of a word (重要, 应急), and a permission there is not taken."""
    m = lex.modal.match(text, pos, end)
    if m and not _in_word(text, m, lex):
        return lex.modality[m.group()], m.start(), m.end()
    for m in lex.modal.finditer(text, pos, min(end, pos + _TOPIC_ROOM)):
        kind = lex.modality[m.group()]
        if kind == "must_not" and m.start() - pos <= _ADVERB_ROOM:
            return kind, m.start(), m.end()
        if kind != "may" and not _in_word(text, m, lex):
            return kind, m.start(), m.end()
    return None, pos, pos


def modal_at(text: str, pos: int, lex: DutyLexicon) -> bool:
    """A modal word (not part of another word: 需求, 应急) starts at `pos`."""
    m = lex.modal.match(text, pos)
    return m is not None and not _in_word(text, m, lex)


def _in_word(text: str, m: re.Match[str], lex: DutyLexicon) -> bool:
    word = m.group()
    if any(text.startswith(w, m.end()) for w in lex.not_modal_after.get(word, ())):
        return True
    return m.start() > 0 and text[m.start() - 1] in lex.not_modal_before.get(word, ())


def not_a_duty(core: str, lex: DutyLexicon) -> str | None:
    """Why a clause directs no one (framing, set phrase, condition…), or None where it may direct."""
    if core in lex.set_phrases:
        return "set_phrases"
    m = lex.not_duty_at_start.match(core) or lex.not_duty_at_end.search(core, max(0, len(core) - END_REACH)) \
        or lex.not_duty_anywhere.search(core)
    return m.lastgroup if m else None


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
