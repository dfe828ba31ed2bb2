"""Links a directing clause states between its doer and another actor: reports_to and supervises."""
from __future__ import annotations

from collections.abc import Iterator

from ..model import Relation
from .actorindex import ActorIndex, Mention
from .deadlines import TimeIndex
from .doers import JOINERS
from .lexicon import DutyLexicon
from .markers import Owner

# Between a reporting verb and its receiver: 报至, 报给, 报送到.
_TO = ("至", "给", "到", "送", "")


def _when(times: TimeIndex, start: int, end: int) -> str | None:
    for t in times.within(start, end):
        if t.type == "SET" or t.role == "deadline" or t.mod == "BEFORE":
            return t.id
    return None


def _joined(text: str, heads: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """Each head with the names joined to it by 、/和/及 (向主管校长、校长报告)."""
    out = list(heads)
    for head in heads:
        last = head
        for m in mentions:
            if m.start >= last.end and text[last.end:m.start] in JOINERS:
                out.append(m)
                last = m
    return out


def clause_links(text: str, start: int, end: int, owners: tuple[Owner, ...], index: ActorIndex,
                 lex: DutyLexicon, times: TimeIndex) -> list[Relation]:
    """reports_to and supervises from the clause text[start:end] done by `owners`."""
    # Most clauses name no other actor: they are let go without starting a walk through their verbs.
    if not owners:
        return []
    mentions = index.within(start, end)
    if not mentions:
        return []
    return list(_links(text, start, end, owners, mentions, lex, times))


def _links(text: str, start: int, end: int, owners: tuple[Owner, ...], mentions: list[Mention],
           lex: DutyLexicon, times: TimeIndex) -> Iterator[Relation]:
    # In the order named, not a set's: the output must not depend on string hashing.
    doers = list(dict.fromkeys(o.actor for o in owners))
    for verb in lex.report_verbs.finditer(text, start, end):
        targets = _joined(text, [m for m in mentions if m.end <= verb.start()
                                 and "向" in text[max(start, m.start - 1):m.start]], mentions)
        targets += _joined(text, [m for m in mentions if any(m.start == verb.end() + len(w)
                                                             and text.startswith(w, verb.end()) for w in _TO)],
                           mentions)
        for m in targets:
            yield from (Relation("reports_to", d, m.actor, None, _when(times, start, end), (start, end))
                        for d in doers if d != m.actor)
        if targets:
            break
    for verb in lex.oversight_verbs.finditer(text, start, end):
        targets = _joined(text, [m for m in mentions if m.end <= verb.start()
                                 and text[max(start, m.start - 2):m.start].endswith(("对", "对于"))], mentions)
        targets += _joined(text, [m for m in mentions if m.start == verb.end()], mentions)
        for m in targets:
            yield from (Relation("supervises", d, m.actor, None, None, (start, end)) for d in doers if d != m.actor)
        if targets:
            break
