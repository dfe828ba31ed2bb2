"""The sections open at a point of the text, found walking forward through it once."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Section

# Text under a heading beyond the marks that close it.
_CONTENT = re.compile(r"[^\s。.:：;；]")


@dataclass
class OpenSections:
    """The open sections at a position, walked forward once through the text."""

    ordered: list[Section]
    text: str
    stack: list[Section] = field(default_factory=list)
    next: int = 0
    previous_sibling: dict[str, Section] = field(default_factory=dict)
    _bare: dict[str, bool] = field(default_factory=dict)
    # Up to here (not included) `at` answers `stack` as it stands.
    _until: int = -1

    def __post_init__(self) -> None:
        last: dict[tuple[str | None, int], Section] = {}
        for s in self.ordered:
            if (s.parent, s.level) in last:
                self.previous_sibling[s.id] = last[(s.parent, s.level)]
            last[(s.parent, s.level)] = s

    def at(self, pos: int) -> list[Section]:
        if pos < self._until:
            return self.stack
        while self.stack and self.stack[-1].span[1] <= pos:
            self.stack.pop()
        while self.next < len(self.ordered) and self.ordered[self.next].span[0] <= pos:
            s = self.ordered[self.next]
            self.next += 1
            while self.stack and self.stack[-1].span[1] <= s.span[0]:
                self.stack.pop()
            if s.span[1] > pos:
                self.stack.append(s)
        # The walk above changes nothing until the innermost open section ends or the next one starts.
        ends = self.stack[-1].span[1] if self.stack else len(self.text)
        starts = self.ordered[self.next].span[0] if self.next < len(self.ordered) else len(self.text)
        self._until = min(ends, starts)
        return self.stack

    def bare(self, s: Section) -> bool:
        """A heading with nothing under it: a list item, which directs like a sentence."""
        if s.id not in self._bare:
            self._bare[s.id] = not _CONTENT.search(self.text, s.heading_span[1], s.span[1])
        return self._bare[s.id]

    def item(self, s: Section) -> bool:
        """A list item: bare, or an item on a line of its own after a bare sibling (the text after a
        list runs into the span of its last item)."""
        if self.bare(s):
            return True
        before = self.previous_sibling.get(s.id)
        if before is None or not self.bare(before):
            return False
        m = _CONTENT.search(self.text, s.heading_span[1], s.span[1])
        return m is not None and "\n" in self.text[s.heading_span[1]:m.start()]
