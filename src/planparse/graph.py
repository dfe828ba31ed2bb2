"""A plan as a graph: its actors, duties, times and sections as nodes, the links between them as typed edges.

The nodes and edges come from graph_items, which says what they hold; docs/graph.md describes each
node and edge type.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import networkx as nx

from .graph_items import (
    ACTOR,
    ASSIGNED,
    DUE,
    DUTY,
    IN_SECTION,
    SECTION,
    TIME,
    Item,
    plan_attributes,
    plan_edges,
    plan_nodes,
)
from .graphml import graphml_text

if TYPE_CHECKING:
    import pandas as pd

    from .model import Document, Plan

__all__ = ["ACTOR", "ASSIGNED", "DUE", "DUTY", "IN_SECTION", "RACI", "SECTION", "TIME", "build_graph",
           "document_graph", "graphml_text", "raci_table"]

# A lead (牵头) unit does the work with the others rather than answer for it, so it is an R like a
# responsible one; A is kept for the one that answers for the result (负总责).
RACI = {"responsible": "R", "lead": "R", "accountable": "A", "support": "C", "informed": "I"}


def build_graph(plan: Plan | Item) -> nx.MultiDiGraph:
    """The MultiDiGraph of a Plan, or of a plan's planparse/1 JSON dict (what the batch holds)."""
    item = plan if isinstance(plan, Mapping) else plan.to_dict()
    graph = nx.MultiDiGraph(**plan_attributes(item))
    nodes = plan_nodes(item)
    graph.add_nodes_from(nodes)
    graph.add_edges_from(plan_edges(item, dict(nodes)))
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
