"""Who a clause names as its doer: the names at its head, or those a 要求 hands the act to."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..actors.lexicon import lexicon as actor_lexicon
from .actions import modal_at
from .actorindex import ActorIndex, Mention
from .deadlines import TimeIndex
from .lexicon import DutyLexicon
from .markers import Owner

JOINERS = ("、", "和", "及", "与", "以及", "、各", " ")
_TIME_FRONT = "在于到从自截至"


@dataclass(slots=True)
class Subject:
    """The doers a clause names; its action starts at `end`, after the word of their part (牵头,
    配合) at `role_end`: a clause that ends there only says who takes which part."""

    owners: tuple[Owner, ...]
    end: int
    role_end: int


def skip_front(text: str, pos: int, end: int, lex: DutyLexicon, times: TimeIndex) -> int:
    """Past connectives and times at the front of a clause, to where its subject or verb starts."""
    while pos < end:
        before = pos
        while pos < end and text[pos] in " \t":
            pos += 1
        if pos < end and text[pos] not in lex.opener_firsts and pos not in times.by_start:
            return pos
        m = lex.clause_openers.match(text, pos, end)
        if m:
            pos = m.end()
        t = times.by_start.get(pos)
        if t is None and pos < end and text[pos] in _TIME_FRONT:
            t = times.by_start.get(pos + 1)
        if t is not None and t.span[1] <= end:
            pos = t.span[1]
        if pos == before:
            return pos
    return pos


def _group(text: str, first: int, mentions: list[Mention], end: int) -> tuple[list[Mention], int]:
    """The names joined by 、/和/及 from mentions[first] on, and where the group ends."""
    group = [mentions[first]]
    q = mentions[first].end
    for m in mentions[first + 1:]:
        if text[q:m.start] in JOINERS:
            group.append(m)
            q = m.end
        else:
            break
    if text.startswith("等", q) and q < end:
        q += 1
    return group, q


def _role_at(text: str, q: int, lex: DutyLexicon) -> tuple[str, int]:
    rest = text[q:q + 8]
    for word in lex.accountable_words:
        for lead_in in ("", "是", "为", "作为"):
            if rest.startswith(lead_in + word):
                return "accountable", q + len(lead_in + word)
    for word in lex.lead_words:
        if rest.startswith(word):
            return "lead", q + len(word)
    for word in lex.support_words:
        if rest.startswith(word):
            return "support", q + len(word)
    return "responsible", q


def _after_object_marker(text: str, pos: int, m: Mention, lex: DutyLexicon) -> bool:
    return lex.before_objects.search(text, max(pos, m.start - 4), m.start) is not None


def find_subject(text: str, start: int, end: int, index: ActorIndex, lex: DutyLexicon,
                 times: TimeIndex) -> Subject | None:
    """The doer named by the clause text[start:end], if it names one."""
    return subject_at(text, skip_front(text, start, end, lex, times), end, index, lex)


def subject_at(text: str, pos: int, end: int, index: ActorIndex, lex: DutyLexicon) -> Subject | None:
    """The doer named by a clause whose front (see skip_front) is at `pos` and that ends at `end`."""
    # Most clauses name no one: that is looked up before anything else.
    mentions = index.within(pos, end)
    if not mentions:
        return None
    m = lex.doer_openers.match(text, pos, end)
    if m:
        pos = m.end()
        mentions = [x for x in mentions if x.start >= pos]
        if not mentions:
            return None
    chosen = None
    told = lex.assigning.match(text, pos, end)
    if mentions[0].start == pos or (told and mentions[0].start == told.end()):
        chosen = 0
    else:
        for i, men in enumerate(mentions):
            _, q = _group(text, i, mentions, end)
            if _after_object_marker(text, pos, men, lex):
                continue
            if modal_at(text, q, lex) or _role_at(text, q, lex)[0] != "responsible" \
                    or text.startswith("负责", q):
                chosen = i
                break
    if chosen is None:
        return None
    group, q = _group(text, chosen, mentions, end)
    # 的 after the names: they modify a noun, they do not act.
    if text.startswith("的", q):
        return None
    a = lex.assigning.match(text, q)
    if a:
        rest = [x for x in mentions if x.start == a.end()]
        if rest:
            group, q = _group(text, mentions.index(rest[0]), mentions, end)
    role, role_end = _role_at(text, q, lex)
    owners: list[Owner] = []
    for men in group:
        if all(o.actor != men.actor for o in owners):
            owners.append(Owner(men.actor, role))
    return Subject(tuple(owners), q, role_end)


def part_giver(text: str, pos: int, end: int, index: ActorIndex) -> tuple[Owner, ...]:
    """The bodies a clause opening at `pos` gives a part to (发挥团支部的宣传作用): they do it, and
    the clauses after it that name no doer of their own (the actors' role_giving cue)."""
    cue = actor_lexicon()
    verb = next((v for v in cue.role_giving_before if text.startswith(v, pos)), None)
    if verb is None:
        return ()
    mentions = index.within(pos + len(verb), end)
    if not mentions or mentions[0].start != pos + len(verb):
        return ()
    group, q = _group(text, 0, mentions, end)
    if not cue.role_giving_after.match(text, q, end):
        return ()
    return tuple(Owner(actor, "responsible") for actor in dict.fromkeys(m.actor for m in group))


def set_up_body(text: str, start: int, end: int, index: ActorIndex, lex: DutyLexicon) -> tuple[Owner, ...]:
    """The body a clause sets up (`成立…领导小组`), which goes on to do what the sentence says."""
    if not lex.setup.match(text, start):
        return ()
    mentions = index.within(start, end)
    return (Owner(mentions[0].actor, "responsible"),) if mentions else ()


_LABEL = re.compile(r"(?:第[一二三四五六七八九十百\d]+[章节条部分]|[（(][一二三四五六七八九十\d]+[）)]|"
                    r"[一二三四五六七八九十]+[、.．]|\d+(?:\.\d+)*[、.．]|[①-⑳]|[一二三四五六七八九十]是)\s*")


_ITEM = re.compile(r"[一二三四五六七八九十]是")
_LABEL_FIRSTS = frozenset("第（(一二三四五六七八九十0123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")


def strip_label(text: str, start: int, end: int, opens: bool = True) -> int:
    """Past the numbering at the front of a clause: any label where the clause opens a sentence or a
    heading, only an item word (一是, 二是) inside a sentence, where `3.5` or `(1)` may be text."""
    if start >= end or text[start] not in _LABEL_FIRSTS:
        return start
    m = (_LABEL if opens else _ITEM).match(text, start, end)
    return m.end() if m else start
