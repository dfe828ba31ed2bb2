"""The comparison of two plans."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .align import Alignment, align_sections
from .entities import EntityDiff, match_entities
from .graphdiff import GraphDiff, graph_diff
from .reuse import Passage, shared_passages
from .sides import Input, Side, side
from .similarity import combine, coverage, mean


@dataclass(frozen=True)
class Comparison:
    """What A and B share and where they differ (docs/compare.md). Spans index each side's `text`."""

    a: Side
    b: Side
    similarity: float
    parts: dict[str, float | None]
    aligned: Alignment
    reused: tuple[Passage, ...]
    actors: EntityDiff
    duties: EntityDiff
    times: EntityDiff
    relations: EntityDiff
    graph: GraphDiff

    def to_dict(self) -> dict[str, Any]:
        def about(s: Side) -> dict[str, Any]:
            return {"name": s.name, "title": s.title, "plans": [p.id for p in s.plans], "span": list(s.span),
                    "sections": len(s.sections)}
        return {"schema": "planparse-compare/1", "a": about(self.a), "b": about(self.b),
                "similarity": round(self.similarity, 4),
                "parts": {k: None if v is None else round(v, 4) for k, v in self.parts.items()},
                "aligned": self.aligned.to_dict(), "reused": [p.to_dict() for p in self.reused],
                "actors": self.actors.to_dict(), "duties": self.duties.to_dict(), "times": self.times.to_dict(),
                "relations": self.relations.to_dict(), "graph": self.graph.to_dict()}

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def _visible(s: Side) -> int:
    lo, hi = s.span
    return sum(1 for c in s.text[lo:hi] if not c.isspace())


def _reused_chars(text: str, spans: list[tuple[int, int]]) -> int:
    return sum(1 for lo, hi in spans for c in text[lo:hi] if not c.isspace())


def compare(a: Input, b: Input) -> Comparison:
    """Compare two plans: each a path (`FILE#N` for the N-th plan of a compilation), a Document (all its
    plans) or (Document, plan or plan number). See similarity.py for how the similarity is made."""
    sa, sb = side(a), side(b)
    aligned = align_sections(sa, sb)
    reused = tuple(shared_passages(sa.text, sa.span, sb.text, sb.span))
    entities = match_entities(sa, sb, aligned)
    text = (coverage(_reused_chars(sa.text, [p.a for p in reused]), _visible(sa))
            + coverage(_reused_chars(sb.text, [p.b for p in reused]), _visible(sb))) / 2
    parts = {"text": text, "sections": aligned.score,
             "entities": mean([entities.actors.jaccard, entities.duties.jaccard])}
    return Comparison(sa, sb, combine(parts), parts, aligned, reused, entities.actors, entities.duties,
                      entities.times, entities.relations, graph_diff(sa, sb, entities.canon))
