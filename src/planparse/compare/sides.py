"""What one side of a comparison is: a file, a plan of a file (`FILE#N`) or a parsed document."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import PlanParseError
from ..model import Actor, Document, Duty, Plan, Relation, Section, TimeExpression
from ..pipeline import parse

if TYPE_CHECKING:
    import networkx as nx

Span = tuple[int, int]
# A file, `FILE#N`, a parsed document, or a document with the plan (or its 1-based number) to take.
Input = str | Path | Document | tuple[Document, Plan | int]


@dataclass(frozen=True)
class Side:
    """The plans compared on one side, read from `text` (the document's normalised text)."""

    name: str
    text: str
    plans: tuple[Plan, ...]

    @property
    def title(self) -> str | None:
        return self.plans[0].title if len(self.plans) == 1 else None

    @property
    def span(self) -> Span:
        """From the first plan's start to the last one's end; the whole text when no plan was found."""
        if not self.plans:
            return 0, len(self.text)
        return self.plans[0].span[0], self.plans[-1].span[1]

    @property
    def sections(self) -> tuple[Section, ...]:
        return tuple(s for p in self.plans for s in p.sections)

    @property
    def actors(self) -> tuple[Actor, ...]:
        return tuple(a for p in self.plans for a in p.actors)

    @property
    def duties(self) -> tuple[Duty, ...]:
        return tuple(d for p in self.plans for d in p.duties)

    @property
    def times(self) -> tuple[TimeExpression, ...]:
        return tuple(t for p in self.plans for t in p.times)

    @property
    def relations(self) -> tuple[Relation, ...]:
        return tuple(r for p in self.plans for r in p.relations)

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        import networkx as nx

        return nx.compose_all([p.graph for p in self.plans]) if self.plans else nx.MultiDiGraph()


class PlanNotFound(PlanParseError):
    """`FILE#N` names a plan the file does not hold."""


def side(item: Input) -> Side:
    """A side from a path (`FILE#N` for the N-th plan of a compilation, from 1), a Document (all its
    plans) or (Document, plan or plan number)."""
    if isinstance(item, tuple):
        doc, which = item
        return _pick(doc, which, doc.source.path)
    if isinstance(item, Document):
        return Side(item.source.path, item.text, item.plans)
    path, number = _split_number(str(item))
    doc = parse(path)
    return _pick(doc, number, str(item)) if number is not None else Side(path, doc.text, doc.plans)


def _split_number(text: str) -> tuple[str, int | None]:
    # A file whose own name ends in #digits is still taken as the file when it exists.
    head, sep, tail = text.rpartition("#")
    if sep and tail.isdigit() and not Path(text).exists():
        return head, int(tail)
    return text, None


def _pick(doc: Document, which: Plan | int, name: str) -> Side:
    if isinstance(which, Plan):
        return Side(f"{doc.source.path}#{doc.plans.index(which) + 1}", doc.text, (which,))
    if not 1 <= which <= len(doc.plans):
        raise PlanNotFound(doc.source.path, f"no plan {which}: the file holds {len(doc.plans)}")
    return Side(name if "#" in name else f"{name}#{which}", doc.text, (doc.plans[which - 1],))
