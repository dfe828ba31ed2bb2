"""The difference of two responsibility graphs as sets of typed edges between canonical keys.

Exact graph edit distance is out of reach (networkx takes 17.8 s for 8 nodes); once both sides' nodes
carry the keys the entity matching gave them (`actor:教育局`, `duty:...`), an edge is the same edge in
both graphs when its type, ends and role are, and the difference is two set differences."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from .entities import Canon
from .sides import Side

Edge = tuple[str, str, str, str]  # type, source key, target key, role ("" for none)


@dataclass(frozen=True)
class GraphDiff:
    shared: int
    only_a: tuple[Edge, ...]
    only_b: tuple[Edge, ...]
    by_type: dict[str, dict[str, int]]

    @property
    def distance(self) -> float:
        """1 − Jaccard of the two edge sets: 0 for the same graph, 1 for graphs with no edge in common."""
        union = self.shared + len(self.only_a) + len(self.only_b)
        return 1 - self.shared / union if union else 0.0

    def to_dict(self) -> dict[str, Any]:
        def edges(items: tuple[Edge, ...]) -> list[dict[str, str]]:
            return [{"type": t, "source": s, "target": g, "role": r} for t, s, g, r in items]
        return {"shared": self.shared, "distance": round(self.distance, 3), "by_type": self.by_type,
                "only_a": edges(self.only_a), "only_b": edges(self.only_b)}


def _edges(side: Side, canon: dict[str, str]) -> set[Edge]:
    return {(d["type"], canon.get(u, u), canon.get(v, v), d.get("role") or "")
            for u, v, d in side.graph.edges(data=True)}


def graph_diff(a: Side, b: Side, canon: Canon) -> GraphDiff:
    ea, eb = _edges(a, canon.a), _edges(b, canon.b)
    shared = ea & eb
    counts: dict[str, Counter[str]] = {}
    for name, edges in (("shared", shared), ("only_a", ea - eb), ("only_b", eb - ea)):
        for edge in edges:
            counts.setdefault(edge[0], Counter())[name] += 1
    by_type = {t: {k: c[k] for k in ("shared", "only_a", "only_b")} for t, c in sorted(counts.items())}
    return GraphDiff(len(shared), tuple(sorted(ea - eb)), tuple(sorted(eb - ea)), by_type)
