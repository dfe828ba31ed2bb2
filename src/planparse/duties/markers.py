"""Owner notes: `（责任单位：A，B、C）`, `（牵头单位：X；配合单位：Y）`, `（X牵头，Y配合）`, `（安全办）`, `责任部门：…`."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .actorindex import ActorIndex
from .lexicon import DutyLexicon

_NAME_SEP = re.compile(r"[、，,；;/\s]+")
_PART_SEP = re.compile(r"[；;。]")
_CLAUSE_SEP = re.compile(r"[，,；;]")


@dataclass(slots=True)
class Owner:
    actor: str
    role: str


@dataclass(slots=True)
class Marker:
    start: int
    end: int
    owners: tuple[Owner, ...]


class MarkerReader:
    """Reads owner notes in order; a lead convention said once with 下同 holds for the notes after it."""

    def __init__(self, lex: DutyLexicon, index: ActorIndex):
        self.lex = lex
        self.index = index
        self.lead_first = False
        self._role_tail = lex.note_role_tail

    def _names(self, body: str) -> list[str]:
        ids: list[str] = []
        for n in _NAME_SEP.split(body):
            a = self.index.resolve(n.strip("“”\"'()（）"))
            if a and a not in ids:
                ids.append(a)
        return ids

    def _labelled(self, body: str, lead_first: bool) -> list[Owner]:
        owners: list[Owner] = []
        hits = list(self.lex.marker_label.finditer(body))
        for k, m in enumerate(hits):
            value = body[m.end(): hits[k + 1].start() if k + 1 < len(hits) else len(body)]
            value = _PART_SEP.split(value)[0]
            role = self.lex.marker_labels[m.group(1)]
            head, comma, rest = value.partition("，") if "，" in value else value.partition(",")
            if role == "responsible" and lead_first and comma:
                owners += [Owner(a, "lead") for a in self._names(head)]
                owners += [Owner(a, "support") for a in self._names(rest)]
            else:
                owners += [Owner(a, role) for a in self._names(value)]
        return owners

    def _by_role_words(self, body: str) -> list[Owner]:
        owners: list[Owner] = []
        for part in _CLAUSE_SEP.split(_PART_SEP.split(body)[0]):
            m = self._role_tail.search(part)
            role = self.lex.note_roles[m.group(1)] if m else "responsible"
            names = self._names(part[: m.start()] if m else part)
            if not names:
                return []
            owners += [Owner(a, role) for a in names]
        return owners

    def read(self, text: str, start: int, end: int, bracketed: bool) -> Marker | None:
        """The owners a note names; None where the text is not an owner note."""
        body = text[start + 1: end - 1] if bracketed else text[start:end]
        stated = any(c in body for c in self.lex.lead_conventions)
        carries = stated and any(c in body for c in self.lex.carry_on)
        lead_first = stated or self.lead_first
        if carries:
            self.lead_first = True
        if self.lex.marker_label.search(body):
            owners = self._labelled(body, lead_first)
        elif bracketed and len(body) <= 60:
            owners = self._by_role_words(body)
        else:
            return None
        if not owners:
            return None
        return Marker(start, end, tuple(owners))


def merge_owners(owners: tuple[Owner, ...], extra: list[Owner]) -> tuple[Owner, ...]:
    """Owners with those of `extra` not already among them; a named part replaces a plain one."""
    out = {o.actor: o for o in owners}
    for o in extra:
        if o.actor not in out or out[o.actor].role == "responsible":
            out[o.actor] = o
    return tuple(out.values())
