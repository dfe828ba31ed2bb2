"""The collections of a plan: tuples that also give a pandas table and show as an HTML table in Jupyter.

`plan.sections`, `.actors`, `.times`, `.phases`, `.duties`, `.relations` and the findings of
`plan.check()` are `Items`. An `Items` is equal to, hashes and pickles as the tuple of its items; it
only adds `to_frame()` and `_repr_html_()` (docs/display.md lists the columns). Ids in a table are
resolved to names through `Names`, the plan's own lookups, which hold plain tuples so that no
reference cycle runs back to the plan.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from ..model import Actor, Duty, Section, TimeExpression


def heading(section: Section) -> str:
    """A section's numbering and title as one: `1.1 编制目的` needs the space that `（一）加强领导` does
    without, as graph_items labels them."""
    label = section.label or ""
    gap = " " if label and section.title and label[-1].isalnum() else ""
    return f"{label}{gap}{section.title}"


class Names:
    """Id → item lookups over a plan's actors, sections, times and duties."""

    def __init__(self, actors: Iterable[Actor] = (), sections: Iterable[Section] = (),
                 times: Iterable[TimeExpression] = (), duties: Iterable[Duty] = ()):
        self._actors, self._sections, self._times, self._duties = (
            tuple(actors), tuple(sections), tuple(times), tuple(duties))

    def __reduce__(self) -> tuple[Any, ...]:
        return Names, (self._actors, self._sections, self._times, self._duties)

    @cached_property
    def actors(self) -> dict[str, Actor]:
        return {a.id: a for a in self._actors}

    @cached_property
    def sections(self) -> dict[str, Section]:
        return {s.id: s for s in self._sections}

    @cached_property
    def times(self) -> dict[str, TimeExpression]:
        return {t.id: t for t in self._times}

    @cached_property
    def duties_of(self) -> dict[str, int]:
        """Actor id → how many duties it is given."""
        out: dict[str, int] = {}
        for duty in self._duties:
            for actor in dict.fromkeys(a.actor for a in duty.assignees):
                out[actor] = out.get(actor, 0) + 1
        return out

    def actor(self, actor_id: str | None) -> str | None:
        actor = self.actors.get(actor_id) if actor_id else None
        return actor.name if actor else actor_id

    def section(self, section_id: str | None) -> str | None:
        section = self.sections.get(section_id) if section_id else None
        return heading(section) if section else section_id

    def time(self, time_id: str | None) -> TimeExpression | None:
        return self.times.get(time_id) if time_id else None


class Items(tuple):
    """A tuple of one kind of item (`kind`: sections, actors, times, phases, duties, relations or findings)."""

    kind: str
    names: Names

    def __new__(cls, items: Iterable[Any] = (), kind: str = "", names: Names | None = None) -> Items:
        self = super().__new__(cls, items)
        self.kind = kind
        self.names = names or Names()
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return Items, (tuple(self), self.kind, self.names)

    def __repr__(self) -> str:
        return tuple.__repr__(self)

    # Findings were a list before they were Items: `plan.check() == []` still holds.
    def __eq__(self, other: object) -> bool:
        return tuple.__eq__(self, tuple(other) if isinstance(other, list) else other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = tuple.__hash__

    def to_frame(self) -> pd.DataFrame:
        """A pandas DataFrame, one row per item; docs/display.md lists the columns of each kind."""
        from .frames import frame

        return frame(self)

    def _repr_html_(self) -> str:
        from .html import items_html

        return items_html(self)
