"""GraphML text of a networkx graph whose attribute values are str, int, float or bool.

It writes what `networkx.write_graphml_xml` writes (the same keys, ids, order and indentation),
without building an element tree first: for a plan of a few thousand duties networkx's writer took
as long as parsing the plan, and a batch writes a graph for every plan.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

_HEAD = ("<?xml version='1.0' encoding='utf-8'?>\n"
         '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
         'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
         'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
         'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
# bool before int: a bool is an int to isinstance, not to type().
_XML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                                    "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"})


# Most values need no escape at all: one search says so faster than a translation of every character.
_TEXT_SPECIAL = re.compile("[&<>]")
_ATTRIBUTE_SPECIAL = re.compile('[&<>"\r\n\t]')


def _attribute(value: object) -> str:
    text = str(value)
    return text.translate(_ATTRIBUTE_ESCAPES) if _ATTRIBUTE_SPECIAL.search(text) else text


def _text(value: object) -> str:
    text = str(value)
    return text.translate(_TEXT_ESCAPES) if _TEXT_SPECIAL.search(text) else text


class _Keys:
    """GraphML keys, numbered d0, d1, … in the order their first value is met."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str, str], str] = {}
        self.lines: list[str] = []
        # The opening of a data element for each attribute name and value type met in a scope:
        # a graph repeats a handful of them on every node and edge.
        self._openings: dict[tuple[Any, type, str, str], str] = {}

    def data(self, items: Mapping[str, Any], scope: str, indent: str) -> list[str]:
        openings = self._openings
        lines = []
        for name, value in items.items():
            opening = openings.get((name, type(value), scope, indent))
            if opening is None:
                opening = openings[name, type(value), scope, indent] = self._opening(name, value, scope, indent)
            lines.append(f"{opening}{_text(value)}</data>\n")
        return lines

    def _opening(self, name: Any, value: Any, scope: str, indent: str) -> str:
        xml_type = _XML_TYPES.get(type(value))
        if xml_type is None:
            raise TypeError(f"GraphML holds str, int, float and bool values, not {type(value).__name__} ({name!r})")
        key = (str(name), xml_type, scope)
        key_id = self.ids.get(key)
        if key_id is None:
            key_id = self.ids[key] = f"d{len(self.ids)}"
            self.lines.append(f'  <key id="{key_id}" for="{scope}" attr.name="{_attribute(name)}" '
                              f'attr.type="{xml_type}" />\n')
        return f'{indent}<data key="{key_id}">'


def _element(out: list[str], opening: str, data: list[str], indent: str) -> None:
    """Append the element, with its data lines inside, or as an empty element without any."""
    if not data:
        out.append(f"{indent}<{opening} />\n")
        return
    out.append(f"{indent}<{opening}>\n")
    out += data
    out.append(f"{indent}</{opening.split(' ', 1)[0]}>\n")


Edge = tuple[Any, Any, Any, Mapping[str, Any]]


def graphml_text(graph: Any) -> str:
    """A networkx graph as GraphML, in UTF-8 text (Chinese stays as it is, not as character entities)."""
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else \
        ((u, v, None, attrs) for u, v, attrs in graph.edges(data=True))
    return graphml_document(graph.graph, graph.nodes(data=True), edges, directed=graph.is_directed())


def graphml_document(graph_attrs: Mapping[str, Any], nodes: Iterable[tuple[Any, Mapping[str, Any]]],
                     edges: Iterable[Edge], directed: bool = True) -> str:
    """GraphML of a graph given as its attributes, its nodes and its edges (source, target, key or
    None, attributes), in the order networkx would hold them."""
    keys = _Keys()
    graph_data = keys.data({k: v for k, v in graph_attrs.items() if k not in ("node_default", "edge_default", "id")},
                           "graph", "    ")
    body: list[str] = []
    for node, attrs in nodes:
        _element(body, f'node id="{_attribute(node)}"', keys.data(attrs, "node", "      "), "    ")
    for u, v, key, attrs in edges:
        opening = f'edge source="{_attribute(u)}" target="{_attribute(v)}"'
        if key is not None:
            opening += f' id="{_attribute(key)}"'
        _element(body, opening, keys.data(attrs, "edge", "      "), "    ")
    graph_id = graph_attrs.get("id")
    opening = f'graph edgedefault="{"directed" if directed else "undirected"}"' + (
        f' id="{_attribute(graph_id)}"' if graph_id is not None else "")
    out = [_HEAD, *reversed(keys.lines)]
    _element(out, opening, body + graph_data, "  ")
    out.append("</graphml>\n")
    return "".join(out)
