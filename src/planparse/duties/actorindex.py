"""The plan's actors looked up by the position of a mention or by a name."""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Actor

_SPACE = re.compile(r"\s+")
# A written name stands for a known one that holds or ends it only if the shorter is this share of the longer.
_NEAR = 0.6


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    actor: str


class ActorIndex:
    """Mentions sorted by offset, and every name and alias of each actor."""

    def __init__(self, actors: Sequence[Actor]):
        found = {(s, e): a.id for a in actors for s, e in a.mentions}
        # Where two actors claim overlapping mentions the longer mention wins, as the fuller name.
        spans = sorted(found, key=lambda se: (se[0], -(se[1] - se[0])))
        self.mentions: list[Mention] = []
        for s, e in spans:
            if self.mentions and s < self.mentions[-1].end:
                continue
            self.mentions.append(Mention(s, e, found[(s, e)]))
        self._starts = [m.start for m in self.mentions]
        self.by_name: dict[str, str] = {}
        for a in actors:
            for n in (a.name, *a.aliases):
                self.by_name.setdefault(_SPACE.sub("", n), a.id)
        self._names = sorted(self.by_name, key=len, reverse=True)
        # Minus the length of each of _names, ascending, to find the names of a length by bisection.
        self._minus_lengths = [-len(n) for n in self._names]
        # Owner notes and table cells repeat the same few names, each of which costs a pass over all names.
        self._resolved: dict[str, str | None] = {}

    def within(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self._starts, start)
        j = bisect.bisect_left(self._starts, end, i)
        return [m for m in self.mentions[i:j] if m.end <= end] if i < j else []

    def resolve(self, name: str) -> str | None:
        """The actor a written name stands for: the same name, else the one name that holds or ends it."""
        if name not in self._resolved:
            self._resolved[name] = self._lookup(name)
        return self._resolved[name]

    def _lookup(self, name: str) -> str | None:
        name = _SPACE.sub("", name)
        if len(name) < 2:
            return None
        if name in self.by_name:
            return self.by_name[name]
        # Only a name within 0.6 to 1/0.6 times as long can hold or end it: the others are not tried.
        lo = bisect.bisect_left(self._minus_lengths, -int(len(name) / _NEAR) - 1)
        hi = bisect.bisect_right(self._minus_lengths, -int(len(name) * _NEAR))
        for known in self._names[lo:hi]:
            if len(known) >= 2 and (known.endswith(name) or name.endswith(known)) and \
                    min(len(known), len(name)) >= _NEAR * max(len(known), len(name)):
                return self.by_name[known]
        return None
