"""The document model: what planparse extracts from one file.

Immutable dataclasses. Every extracted item keeps `span`, a [start, end) range of
character offsets into `Document.text`, the normalised text of the whole file.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .display.items import Items, Names
from .normalize import Correction, OffsetMap
from .section_index import SectionIndex

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    from matplotlib.figure import Figure

    from .checks.config import CheckConfig

Span = tuple[int, int]
Item = dict[str, Any]


def _span(value: list[int] | None) -> Span | None:
    return (value[0], value[1]) if value is not None else None


@dataclass(frozen=True, slots=True)
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

    @classmethod
    def from_dict(cls, d: Item) -> ParseWarning:
        return cls(d["code"], d["message"], _span(d.get("span")))


@dataclass(frozen=True, slots=True)
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

    @classmethod
    def from_dict(cls, d: Item) -> Section:
        """The JSON holds neither the numbering scheme nor the heading's own extent: `scheme` is "" and
        `heading_span` runs from the start over the label and title as long as they are written."""
        start = d["span"][0]
        return cls(d["id"], d.get("parent"), d["level"], d.get("label"), d.get("number"), d["title"],
                   _span(d["span"]), "", (start, start + len(d.get("label") or "") + len(d["title"])))


@dataclass(frozen=True, slots=True)
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

    @classmethod
    def from_dict(cls, d: Item) -> Actor:
        return cls(d["id"], d["name"], d["kind"], tuple(d.get("aliases", ())),
                   tuple((m[0], m[1]) for m in d.get("mentions", ())))


@dataclass(frozen=True, slots=True)
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

    @classmethod
    def from_dict(cls, d: Item) -> TimeExpression:
        return cls(d["id"], d["text"], _span(d["span"]), d["type"],
                   **{k: d.get(k) for k in ("value", "start", "end", "mod", "anchor", "role", "section")},
                   placeholder=bool(d.get("placeholder")))


@dataclass(frozen=True, slots=True)
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

    @classmethod
    def from_dict(cls, d: Item) -> Phase:
        return cls(d["id"], d["name"], d["order"], d.get("start"), d.get("end"), d.get("section"),
                   _span(d.get("span")))


@dataclass(frozen=True, slots=True)
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

    @classmethod
    def from_dict(cls, d: Item) -> Relation:
        return cls(d["type"], d["source"], d["target"], d.get("role"), d.get("when"), _span(d.get("span")))


@dataclass(frozen=True, slots=True)
class Assignee:
    """An actor (id) given a duty, with its part in it: responsible, lead, support, accountable or informed."""

    actor: str
    role: str = "responsible"

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "role": self.role}


@dataclass(frozen=True, slots=True)
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

    @classmethod
    def from_dict(cls, d: Item) -> Duty:
        assignees = tuple(Assignee(a["actor"], a["role"]) for a in d.get("assignees", ()))
        return cls(d["id"], d["action"], _span(d["span"]), assignees, d.get("modality"), d.get("deadline"),
                   d.get("section"))


@dataclass(frozen=True, slots=True)
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

    @classmethod
    def from_dict(cls, d: Item) -> Finding:
        return cls(d["rule"], d["severity"], d["message"], d.get("section"), _span(d.get("span")),
                   tuple(d.get("refs", ())))


COLLECTIONS = ("sections", "actors", "times", "phases", "duties", "relations")


@dataclass(frozen=True)
class Plan:
    """One plan of a file: its title, issuer, span and what was found in it.

    Each collection (sections ... relations) is given as a tuple and kept as an `Items`, a tuple that
    adds `.to_frame()` (a pandas table; docs/display.md lists the columns) and an HTML table in Jupyter."""

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

    def __post_init__(self) -> None:
        names = Names(self.actors, self.sections, self.times, self.duties)
        for kind in COLLECTIONS:
            object.__setattr__(self, kind, Items(getattr(self, kind), kind, names))

    @classmethod
    def from_dict(cls, d: Item) -> Plan:
        """A plan from its planparse/1 JSON (what `to_dict` and the batch write); see Section.from_dict
        for what the JSON leaves out. A `findings` list in it is read by `Finding.from_dict`, not here."""
        return cls(d["id"], d.get("title"), d.get("issuer"), _span(d["span"]),
                   tuple(Section.from_dict(x) for x in d.get("sections", ())),
                   tuple(Actor.from_dict(x) for x in d.get("actors", ())),
                   tuple(TimeExpression.from_dict(x) for x in d.get("times", ())),
                   tuple(Phase.from_dict(x) for x in d.get("phases", ())),
                   tuple(Duty.from_dict(x) for x in d.get("duties", ())),
                   tuple(Relation.from_dict(x) for x in d.get("relations", ())))

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

    def check(self, config: CheckConfig | None = None, text: str | None = None) -> Items:
        """The gaps the check rules find in this plan (planparse.checks), in text order, as `Items` of
        `Finding`s. `text` is the document's text (`Document.check` passes it); without it the rules
        that read the wording around an item see only what the model holds."""
        from .checks import check_plan

        return self.wrap_findings(check_plan(self, config, text))

    def wrap_findings(self, found: Iterable[Finding]) -> Items:
        """Findings of this plan (from `check`, or read back from JSON) as Items, their sections named."""
        return Items(found, "findings", self.actors.names)

    def draw(self, **options: Any) -> Figure:
        """The responsibility graph as a matplotlib figure: actors coloured by kind, their relations by type,
        each actor's duties counted (planparse.display.draw.draw_plan has the options)."""
        from .display.draw import draw_plan

        return draw_plan(self, **options)

    def timeline(self, **options: Any) -> Figure:
        """Phases and deadlines as a Gantt chart, undated and event-anchored times in a lane of their own
        (planparse.display.timeline.draw_timeline)."""
        from .display.timeline import draw_timeline

        return draw_timeline(self, **options)

    def _repr_html_(self) -> str:
        from .display.html import plan_html

        return plan_html(self, self.check())


@dataclass(frozen=True, slots=True)
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

    def check(self, config: CheckConfig | None = None) -> Items:
        """The gaps the check rules find in every plan of the document (planparse.checks), as `Items`."""
        return Items((f for plan in self.plans for f in plan.check(config, self.text)), "findings",
                     Names(*(sum((getattr(p, k) for p in self.plans), ()) for k in ("actors", "sections"))))

    @classmethod
    def from_dict(cls, d: Item) -> Document:
        """A document from its planparse/1 JSON, as `planparse parse --format json` and the batch write it."""
        src = d["source"]
        source = Source(src["path"], src["format"], src.get("encoding"), src["sha256"], src["size_bytes"])
        return cls(source, d["text"], tuple(Plan.from_dict(p) for p in d.get("plans", ())),
                   tuple(ParseWarning.from_dict(w) for w in d.get("warnings", ())))

    def _repr_html_(self) -> str:
        from .display.html import document_html

        return document_html(self)

    @cached_property
    def _line_breaks(self) -> list[int]:
        return [i for i, ch in enumerate(self.text) if ch == "\n"]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a text offset in the normalised text."""
        # A bisection over the line breaks: a file's findings each ask, and counting breaks from
        # the start for each would go over the text once per finding.
        before = bisect_left(self._line_breaks, offset)
        line_start = self._line_breaks[before - 1] + 1 if before else 0
        return before + 1, offset - line_start + 1
