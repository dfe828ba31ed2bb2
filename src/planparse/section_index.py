"""Which section holds an offset."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Section


class SectionIndex:
    """The sections of one plan, for finding the deepest one that holds an offset."""

    def __init__(self, sections: Sequence[Section]):
        self.sections = sorted(sections, key=lambda s: (s.span[0], s.level))
        self.starts = [s.span[0] for s in self.sections]

    def at(self, offset: int) -> Section | None:
        """Walks back from the last section that starts before `offset`; a top-level section that holds it
        ends the walk, as nothing before it can be deeper and hold it too."""
        i = bisect_right(self.starts, offset)
        best: Section | None = None
        while i > 0:
            i -= 1
            s = self.sections[i]
            if s.span[0] <= offset < s.span[1]:
                if best is None or s.level > best.level:
                    best = s
                if s.level <= 1:
                    break
        return best

    def id_at(self, offset: int) -> str | None:
        found = self.at(offset)
        return found.id if found else None
