"""The plan's actors looked up by the position of a mention or by a name."""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Actor

_SPACE = re.compile(r"\s+")


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

    def within(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def resolve(self, name: str) -> str | None:
        """The actor a written name stands for: the same name, else the one name that holds or ends it."""
        name = _SPACE.sub("", name)
        if len(name) < 2:
            return None
        if name in self.by_name:
            return self.by_name[name]
        for known in self._names:
            if len(known) >= 2 and (known.endswith(name) or name.endswith(known)) and \
                    min(len(known), len(name)) >= 0.6 * max(len(known), len(name)):
                return self.by_name[known]
        return None
