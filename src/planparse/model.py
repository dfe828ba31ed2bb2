"""The document model: what planparse extracts from one file.

Immutable dataclasses. Every extracted item keeps `span`, a [start, end) range of
character offsets into `Document.text`, the normalised text of the whole file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .normalize import Correction, OffsetMap

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
class Plan:
    """One plan of a file: its title, issuer, span and what was found in it."""

    id: str
    title: str | None
    issuer: str | None
    span: Span
    sections: tuple[Section, ...] = ()
    actors: tuple[Any, ...] = ()
    times: tuple[Any, ...] = ()
    phases: tuple[Any, ...] = ()
    duties: tuple[Any, ...] = ()
    relations: tuple[Any, ...] = ()
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
        found = None
        for s in self.sections:
            if s.span[0] <= offset < s.span[1] and (found is None or s.level > found.level):
                found = s
        return found


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

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a text offset in the normalised text."""
        line = self.text.count("\n", 0, offset) + 1
        col = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return line, col
