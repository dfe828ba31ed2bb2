"""The nodes and typed edges of a plan's graph, read from its planparse/1 dict.

Node ids are the item ids (`p1.a3`, `p1.d2`, `p1.t4`, `p1.s5`). Every attribute value is a str, int,
float or bool, so that GraphML takes the graph as it is: nulls are left out, lists (an actor's
aliases) travel as JSON text and a span becomes `span_start` and `span_end`. Nothing here needs
networkx, so a batch worker writes each plan's GraphML without loading it.
"""
from __future__ import annotations

import json
from collections.abc import Container, Iterable, Mapping
from typing import Any

from .graphml import Edge, graphml_document

Item = Mapping[str, Any]
Node = tuple[str, dict[str, Any]]

ACTOR, DUTY, TIME, SECTION = "actor", "duty", "time", "section"
ASSIGNED, DUE, IN_SECTION = "assigned", "due", "in_section"

_LABEL_CHARS = 24


def plan_attributes(plan: Item) -> dict[str, Any]:
    return _graphml_values({"plan": plan["id"], "title": plan.get("title")})


def plan_nodes(plan: Item) -> list[Node]:
    # `plan`, `type` and `label` lead every node's attributes: Gephi also takes the GraphML key `d3`
    # for the label, as yEd writes it, and with one or two graph attributes before them that key is
    # `type` or `label`, so the true label is the last one Gephi reads.
    return [(node_id, {"plan": plan["id"], **attrs}) for node_id, attrs in _nodes(plan)]


def plan_edges(plan: Item, nodes: Container[str]) -> list[Edge]:
    """The typed edges between `nodes`, each keyed by an id unique across plans."""
    # An id the plan does not hold would come in as a node without a type; leave such a link out.
    edges = [(source, target, attrs) for source, target, attrs in _edges(plan) if source in nodes and target in nodes]
    # GraphML writes the key as the edge's id, which must be unique in the file (Gephi drops an edge
    # whose id it has seen), also when several plans share one file.
    return [(source, target, f"{plan['id']}.e{n}", attrs) for n, (source, target, attrs) in enumerate(edges, 1)]


def plan_graphml(plan: Item) -> str:
    """The GraphML of `graph.build_graph(plan)`, written without building it."""
    nodes = plan_nodes(plan)
    # A MultiDiGraph gives its edges by source in node order, then by target in the order each was
    # first linked from that source.
    by_source: dict[str, dict[str, list[Edge]]] = {node_id: {} for node_id, _ in nodes}
    for edge in plan_edges(plan, by_source):
        by_source[edge[0]].setdefault(edge[1], []).append(edge)
    edges = [edge for targets in by_source.values() for group in targets.values() for edge in group]
    return graphml_document(plan_attributes(plan), nodes, edges)


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
