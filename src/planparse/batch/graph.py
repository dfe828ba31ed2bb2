"""A plan's responsibility graph: its actors as nodes and their relations as edges."""
from __future__ import annotations

import json
from typing import Any

import networkx as nx


def _attributes(item: dict[str, Any], skip: tuple[str, ...]) -> dict[str, Any]:
    # GraphML holds scalars only: lists and mappings travel as JSON, and nulls are left out.
    out: dict[str, Any] = {}
    for key, value in item.items():
        if key in skip or value is None:
            continue
        out[key] = json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value
    return out


def plan_graph(plan: dict[str, Any]) -> nx.DiGraph:
    """The DiGraph of one plan's JSON dict; a pair linked twice keeps both relation types, `;`-joined."""
    graph = nx.DiGraph(plan=plan["id"], title=plan.get("title") or "")
    for actor in plan.get("actors", ()):
        graph.add_node(actor["id"], **_attributes(actor, ("id",)))
    for relation in plan.get("relations", ()):
        source, target = relation["source"], relation["target"]
        attrs = _attributes(relation, ("source", "target"))
        if graph.has_edge(source, target):
            known = graph.edges[source, target]
            for key, value in attrs.items():
                if key in known and str(value) not in str(known[key]).split(";"):
                    attrs[key] = f"{known[key]};{value}"
            known.update(attrs)
        else:
            graph.add_edge(source, target, **attrs)
    return graph


def graphml_text(graph: nx.DiGraph) -> str:
    return "\n".join(nx.generate_graphml(graph)) + "\n"
