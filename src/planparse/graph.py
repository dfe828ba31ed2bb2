"""A plan as a graph: its actors, duties, times and sections as nodes, the links between them as typed edges.

Node ids are the item ids (`p1.a3`, `p1.d2`, `p1.t4`, `p1.s5`). Every attribute value is a str, int,
float or bool, so that `networkx.write_graphml` takes the graph as it is: nulls are left out,
lists (an actor's aliases) travel as JSON text and a span becomes `span_start` and `span_end`.
docs/graph.md describes each node and edge type.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import networkx as nx

from .graphml import graphml_text

if TYPE_CHECKING:
    import pandas as pd

    from .model import Document, Plan

__all__ = ["ACTOR", "ASSIGNED", "DUE", "DUTY", "IN_SECTION", "RACI", "SECTION", "TIME", "build_graph",
           "document_graph", "graphml_text", "raci_table"]

Item = Mapping[str, Any]

ACTOR, DUTY, TIME, SECTION = "actor", "duty", "time", "section"
ASSIGNED, DUE, IN_SECTION = "assigned", "due", "in_section"

# A lead (牵头) unit does the work with the others rather than answer for it, so it is an R like a
# responsible one; A is kept for the one that answers for the result (负总责).
RACI = {"responsible": "R", "lead": "R", "accountable": "A", "support": "C", "informed": "I"}

_LABEL_CHARS = 24


def build_graph(plan: Plan | Item) -> nx.MultiDiGraph:
    """The MultiDiGraph of a Plan, or of a plan's planparse/1 JSON dict (what the batch holds)."""
    item = plan if isinstance(plan, Mapping) else plan.to_dict()
    graph = nx.MultiDiGraph(**_graphml_values({"plan": item["id"], "title": item.get("title")}))
    # `plan`, `type` and `label` lead every node's attributes: Gephi also takes the GraphML key `d3`
    # for the label, as yEd writes it, and with one or two graph attributes before them that key is
    # `type` or `label`, so the true label is the last one Gephi reads.
    for node_id, attrs in _nodes(item):
        graph.add_node(node_id, plan=item["id"], **attrs)
    # An id the plan does not hold would come in as a node without a type; leave such a link out.
    edges = [(source, target, attrs) for source, target, attrs in _edges(item) if source in graph and target in graph]
    # GraphML writes the key as the edge's id, which must be unique in the file (Gephi drops an edge
    # whose id it has seen), also when several plans share one file.
    graph.add_edges_from((source, target, f"{item['id']}.e{n}", attrs)
                         for n, (source, target, attrs) in enumerate(edges, 1))
    return graph


def document_graph(doc: Document) -> nx.MultiDiGraph:
    """Every plan's graph of a document in one; each node's `plan` says whose it is."""
    graph = nx.MultiDiGraph(source=doc.source.path)
    for plan in doc.plans:
        graph.add_nodes_from(plan.graph.nodes(data=True))
        graph.add_edges_from(plan.graph.edges(keys=True, data=True))
    return graph


def raci_table(plan: Plan) -> pd.DataFrame:
    """Actors (rows, by name) by duties (columns, by id): R, A, C or I, several letters for several
    roles in one duty, and an empty string where the actor has no part in the duty."""
    # Imported here: the batch workers build graphs through this module and never need pandas.
    import pandas as pd

    letters: dict[tuple[str, str], set[str]] = {}
    for duty in plan.duties:
        for assignee in duty.assignees:
            letters.setdefault((assignee.actor, duty.id), set()).add(RACI[assignee.role])
    rows = [["".join(c for c in "RACI" if c in letters.get((actor.id, duty.id), ())) for duty in plan.duties]
            for actor in plan.actors]
    return pd.DataFrame(rows, index=pd.Index([a.name for a in plan.actors], name="actor"),
                        columns=pd.Index([d.id for d in plan.duties], name="duty"), dtype=str)


def _nodes(plan: Item) -> Iterable[tuple[str, dict[str, Any]]]:
    for actor in plan.get("actors", ()):
        yield actor["id"], _graphml_values({
            "type": ACTOR, "label": actor["name"], "name": actor["name"], "kind": actor["kind"],
            "aliases": actor.get("aliases")})
    for duty in plan.get("duties", ()):
        yield duty["id"], _graphml_values({
            "type": DUTY, "label": _short(duty["action"]), "action": duty["action"],
            "modality": duty.get("modality"), **_span(duty)})
    for time in plan.get("times", ()):
        yield time["id"], _graphml_values({
            "type": TIME, "label": time["text"], "text": time["text"], "timex_type": time["type"],
            "value": time.get("value"), "range_start": time.get("start"), "range_end": time.get("end"),
            **{key: time.get(key) for key in ("mod", "anchor", "role", "placeholder")}, **_span(time)})
    for section in plan.get("sections", ()):
        yield section["id"], _graphml_values({
            "type": SECTION, "label": _section_label(section), "numbering": section.get("label"),
            "number": section.get("number"), "title": section["title"], "level": section["level"],
            **_span(section)})


def _edges(plan: Item) -> Iterable[tuple[str, str, dict[str, Any]]]:
    for relation in plan.get("relations", ()):
        yield relation["source"], relation["target"], _graphml_values({
            "type": relation["type"], "role": relation.get("role"), "when": relation.get("when"),
            **_span(relation)})
    for duty in plan.get("duties", ()):
        for assignee in duty.get("assignees", ()):
            yield assignee["actor"], duty["id"], {"type": ASSIGNED, "role": assignee["role"]}
        if duty.get("deadline"):
            yield duty["id"], duty["deadline"], {"type": DUE}
        if duty.get("section"):
            yield duty["id"], duty["section"], {"type": IN_SECTION}
    for time in plan.get("times", ()):
        if time.get("section"):
            yield time["id"], time["section"], {"type": IN_SECTION}
    for section in plan.get("sections", ()):
        if section.get("parent"):
            yield section["id"], section["parent"], {"type": IN_SECTION}


def _graphml_values(attrs: Mapping[str, Any]) -> dict[str, Any]:
    return {key: json.dumps(list(value), ensure_ascii=False) if isinstance(value, list | tuple) else value
            for key, value in attrs.items() if value is not None}


def _span(item: Item) -> dict[str, int]:
    span = item.get("span")
    return {"span_start": span[0], "span_end": span[1]} if span else {}


def _short(text: str) -> str:
    return text if len(text) <= _LABEL_CHARS else text[:_LABEL_CHARS - 1] + "…"


def _section_label(section: Item) -> str:
    numbering, title = section.get("label") or "", section["title"]
    # `1 总则` and `第一章 总则` need the space that `一、总则` and `（一）加强领导` do without.
    gap = " " if numbering and title and numbering[-1].isalnum() else ""
    return f"{numbering}{gap}{title}" or section["id"]
