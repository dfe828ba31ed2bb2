"""The document model: what planparse extracts from one file.

Immutable dataclasses. Every extracted item keeps `span`, a [start, end) range of
character offsets into `Document.text`, the normalised text of the whole file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .normalize import Correction, OffsetMap
from .section_index import SectionIndex

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from .checks.config import CheckConfig

Span = tuple[int, int]


@dataclass(frozen=True)
class ParseWarning:
    """Something the parse corrected or noticed, with where it is in the text."""

    code: str
    message: str
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.span is not None:
            out["span"] = list(self.span)
        return out


@dataclass(frozen=True)
class Section:
    """A numbered (or styled) heading and the text under it, down to the next sibling."""

    id: str
    parent: str | None
    level: int
    label: str | None
    number: int | None
    title: str
    span: Span
    scheme: str
    heading_span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "parent": self.parent, "level": self.level, "label": self.label,
                "number": self.number, "title": self.title, "span": list(self.span)}


@dataclass(frozen=True)
class Actor:
    """A body, office, role or person that the plan names, with every mention's span."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "aliases": list(self.aliases),
                "mentions": [list(m) for m in self.mentions]}


@dataclass(frozen=True)
class TimeExpression:
    """A time as written, normalised to TIMEX3 (type, value, range ends, mod, event anchor)."""

    id: str
    text: str
    span: Span
    type: str
    value: str | None = None
    start: str | None = None
    end: str | None = None
    mod: str | None = None
    anchor: str | None = None
    role: str | None = None
    placeholder: bool = False
    section: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "span": list(self.span), "type": self.type,
                "value": self.value, "start": self.start, "end": self.end, "mod": self.mod,
                "anchor": self.anchor, "role": self.role, "placeholder": self.placeholder,
                "section": self.section}


@dataclass(frozen=True)
class Phase:
    """A stage the plan runs in, in the order written; start and end are ids of times."""

    id: str
    name: str
    order: int
    start: str | None = None
    end: str | None = None
    section: str | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name, "order": self.order, "start": self.start,
                               "end": self.end, "section": self.section}
        if self.span is not None:
            out["span"] = list(self.span)
        return out


@dataclass(frozen=True)
class Relation:
    """A typed link between two actors (ids): member_of, part_of, located_in, leads, reports_to, supervises."""

    type: str
    source: str
    target: str
    role: str | None = None
    when: str | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "source": self.source, "target": self.target,
                               "role": self.role, "when": self.when}
        if self.span is not None:
            out["span"] = list(self.span)
        return out


@dataclass(frozen=True)
class Assignee:
    """An actor (id) given a duty, with its part in it: responsible, lead, support, accountable or informed."""

    actor: str
    role: str = "responsible"

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "role": self.role}


@dataclass(frozen=True)
class Duty:
    """A clause that directs: who (assignees), must or must not (modality), do what (action), by when.

    `deadline` is the id of a time; `assignees` is empty for an orphan duty, one the plan gives
    to nobody."""

    id: str
    action: str
    span: Span
    assignees: tuple[Assignee, ...] = ()
    modality: str | None = None
    deadline: str | None = None
    section: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "assignees": [a.to_dict() for a in self.assignees], "modality": self.modality,
                "action": self.action, "deadline": self.deadline, "section": self.section,
                "span": list(self.span)}


@dataclass(frozen=True)
class Finding:
    """A gap a check rule found in a plan: which rule, how grave, what, and where (planparse.checks)."""

    rule: str
    severity: str
    message: str
    section: str | None = None
    span: Span | None = None
    refs: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"rule": self.rule, "severity": self.severity, "message": self.message}
        if self.section is not None:
            out["section"] = self.section
        if self.span is not None:
            out["span"] = list(self.span)
        out["refs"] = list(self.refs)
        return out


@dataclass(frozen=True)
class Plan:
    """One plan of a file: its title, issuer, span and what was found in it."""

    id: str
    title: str | None
    issuer: str | None
    span: Span
    sections: tuple[Section, ...] = ()
    actors: tuple[Actor, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    phases: tuple[Phase, ...] = ()
    duties: tuple[Duty, ...] = ()
    relations: tuple[Relation, ...] = ()
    title_span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "issuer": self.issuer, "span": list(self.span),
            "sections": [s.to_dict() for s in self.sections],
            "actors": [a.to_dict() for a in self.actors],
            "times": [t.to_dict() for t in self.times],
            "phases": [p.to_dict() for p in self.phases],
            "duties": [d.to_dict() for d in self.duties],
            "relations": [r.to_dict() for r in self.relations],
        }

    def section_at(self, offset: int) -> Section | None:
        """The deepest section whose span holds `offset`."""
        return self._section_index.at(offset)

    @cached_property
    def _section_index(self) -> SectionIndex:
        return SectionIndex(self.sections)

    # The graph modules are imported on first use so that `import planparse` stays free of
    # networkx and pandas.
    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """Actors, duties, times and sections with their typed links (docs/graph.md); built once and
        shared, so copy it before changing it."""
        from .graph import build_graph

        return build_graph(self)

    def raci(self) -> pd.DataFrame:
        """Actors (rows, by name) by duties (columns, by id), each cell R, A, C, I or empty (docs/graph.md)."""
        from .graph import raci_table

        return raci_table(self)

    def check(self, config: CheckConfig | None = None, text: str | None = None) -> list[Finding]:
        """The gaps the check rules find in this plan (planparse.checks), in text order. `text` is the
        document's text (`Document.check` passes it); without it the rules that read the wording
        around an item see only what the model holds."""
        from .checks import check_plan

        return check_plan(self, config, text)


@dataclass(frozen=True)
class Source:
    """Where the document came from."""

    path: str
    format: str
    encoding: str | None
    sha256: str
    size_bytes: int

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "format": self.format, "encoding": self.encoding,
                "sha256": self.sha256, "size_bytes": self.size_bytes}


@dataclass(frozen=True)
class Document:
    """Everything parsed from one file; `plans` may be empty for a file that holds no plan.

    `warnings` holds each correction of the text with its span and a count of each kind of
    spacing and width change; `changes` lists every single change the normaliser made."""

    source: Source
    text: str
    plans: tuple[Plan, ...]
    warnings: tuple[ParseWarning, ...] = ()
    offsets: OffsetMap | None = field(default=None, repr=False, compare=False)
    changes: tuple[Correction, ...] = field(default=(), repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "planparse/1",
            "source": self.source.to_dict(),
            "text": self.text,
            "plans": [p.to_dict() for p in self.plans],
            "warnings": [w.to_dict() for w in self.warnings],
        }

    def source_position(self, offset: int) -> tuple[str, int | None]:
        """The source locator (`line 12`, `body/p[4]`, `page 2 line 7`) and source offset of a text offset."""
        if self.offsets is None or not self.offsets.blocks:
            return "", None
        _, locator, src = self.offsets.to_source(offset)
        return locator, src

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """Every plan's graph in one; each node's `plan` attribute says whose it is."""
        from .graph import document_graph

        return document_graph(self)

    def check(self, config: CheckConfig | None = None) -> list[Finding]:
        """The gaps the check rules find in every plan of the document (planparse.checks)."""
        return [f for plan in self.plans for f in plan.check(config, self.text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a text offset in the normalised text."""
        line = self.text.count("\n", 0, offset) + 1
        col = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return line, col
