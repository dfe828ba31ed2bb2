"""The responsibility graph as a picture: the actors in columns by kind, their relations as arrows.

Duties are not drawn one by one (a plan of 150 duties would be a hairball): each actor's label says
how many it is given. Positions come from Graphviz `dot` where both the binary and the `graphviz`
package are installed, from a layered layout of our own otherwise (columns by actor kind, rows
ordered to cross few edges); either way matplotlib draws, so the picture, its CJK font and its
colours are the same. The drawing is measured in inches: one unit of the axes is an inch of figure.
"""
from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .config import actor_colour, edge_colour, settings
from .fonts import cjk_rc

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..model import Actor, Plan, Relation

FONT_PT = 9
CHAR_IN = FONT_PT / 72          # a CJK character is about as wide as the font is high
ROW_IN = 0.42
COLUMN_GAP_IN = 1.1
MAX_ROWS = 24                   # a longer column is folded into several, side by side
LABEL_CHARS = 14
MIN_WIDTH_IN = 10.0             # room for the legend on one line: every actor kind, every relation type


@dataclass(frozen=True)
class Box:
    """An actor's label box: centre and half-width, in inches."""

    x: float
    y: float
    half: float


def label_of(actor: Actor, duties: int) -> str:
    name = actor.name if len(actor.name) <= LABEL_CHARS else actor.name[:LABEL_CHARS - 1] + "…"
    return f"{name} · {duties}" if duties else name


def _half_width(label: str) -> float:
    wide = sum(1 for c in label if ord(c) > 0x2E7F)
    return ((len(label) - wide) * CHAR_IN * 0.55 + wide * CHAR_IN) / 2 + 0.08


def dot_available() -> bool:
    if shutil.which("dot") is None:
        return False
    try:
        import graphviz  # noqa: F401
    except ImportError:
        return False
    return True


def _columns(actors: Sequence[Actor], relations: Sequence[Relation]) -> list[list[str]]:
    """Actor ids in columns: one per kind layer (data/display.json), folded past MAX_ROWS, each column
    ordered by the mean row of its neighbours, swept left to right and back."""
    layers = {kind: n for kind, n in settings("layers").items() if not kind.startswith("_")}
    by_layer: dict[int, list[str]] = {}
    for actor in actors:
        by_layer.setdefault(layers.get(actor.kind, max(layers.values(), default=0)), []).append(actor.id)
    columns = [col[i:i + MAX_ROWS] for _, col in sorted(by_layer.items())
               for i in range(0, len(col), MAX_ROWS)]
    neighbours: dict[str, set[str]] = {}
    for r in relations:
        neighbours.setdefault(r.source, set()).add(r.target)
        neighbours.setdefault(r.target, set()).add(r.source)
    for order in (range(1, len(columns)), range(len(columns) - 2, -1, -1)):
        for c in order:
            row = {a: i for col in columns for i, a in enumerate(col)}
            columns[c] = sorted(columns[c], key=lambda a, start=dict(row): _barycentre(a, neighbours, start))
    return columns


def _barycentre(actor: str, neighbours: dict[str, set[str]], row: dict[str, int]) -> float:
    rows = [row[n] for n in neighbours.get(actor, ()) if n in row]
    return sum(rows) / len(rows) if rows else row[actor]


def layered_layout(actors: Sequence[Actor], relations: Sequence[Relation], labels: dict[str, str]) -> dict[str, Box]:
    boxes: dict[str, Box] = {}
    x = 0.3
    for column in _columns(actors, relations):
        half = max(_half_width(labels[a]) for a in column)
        for i, actor in enumerate(column):
            boxes[actor] = Box(x + half, -i * ROW_IN, _half_width(labels[actor]))
        x += 2 * half + COLUMN_GAP_IN
    return boxes


def dot_layout(actors: Sequence[Actor], relations: Sequence[Relation], labels: dict[str, str]) -> dict[str, Box]:
    """Positions from `dot -Tplain`, left to right, a group before its members; the actors in no relation
    in rows under them, as dot would stack them all in one tall column."""
    linked = {a for r in relations for a in (r.source, r.target)}
    boxes = _dot_positions([a for a in actors if a.id in linked], relations, labels)
    alone = [a.id for a in actors if a.id not in linked]
    if alone:
        width = max([b.x + b.half for b in boxes.values()] + [8.0])
        top = min([b.y for b in boxes.values()], default=0.0) - 2 * ROW_IN
        cell_in = 2 * max(_half_width(labels[a]) for a in alone) + 0.25
        per_row = max(1, int(width // cell_in))
        for i, actor in enumerate(alone):
            boxes[actor] = Box(0.3 + (i % per_row + 0.5) * cell_in, top - (i // per_row) * ROW_IN,
                               _half_width(labels[actor]))
    return boxes


def _dot_positions(actors: Sequence[Actor], relations: Sequence[Relation], labels: dict[str, str]) -> dict[str, Box]:
    import graphviz

    g = graphviz.Digraph(graph_attr={"rankdir": "LR", "nodesep": "0.12", "ranksep": "0.9"},
                         node_attr={"shape": "box", "fixedsize": "true", "height": str(ROW_IN * 0.7)})
    for actor in actors:
        g.node(actor.id.replace(".", "_"), width=f"{2 * _half_width(labels[actor.id]):.2f}", label="")
    for r in relations:
        # Members point to their group; laid out from the group, so that it comes first.
        g.edge(r.target.replace(".", "_"), r.source.replace(".", "_"))
    boxes = {}
    ids = {a.id.replace(".", "_"): a.id for a in actors}
    for line in g.pipe(format="plain", encoding="utf-8").splitlines():
        parts = line.split()
        if parts and parts[0] == "node" and parts[1] in ids:
            actor = ids[parts[1]]
            boxes[actor] = Box(float(parts[2]), float(parts[3]), _half_width(labels[actor]))
    return boxes


def draw_plan(plan: Plan, layout: str = "auto", title: str | None = None) -> Figure:
    """The plan's actors and relations; `layout` is "dot", "layered" or "auto" (dot where installed)."""
    from .figure import PlanFigure

    duties = plan.actors.names.duties_of
    labels = {a.id: label_of(a, duties.get(a.id, 0)) for a in plan.actors}
    # One arrow per type between two actors: a relation the plan states twice is still one relation.
    first: dict[tuple[str, str, str], Relation] = {}
    for r in plan.relations:
        if r.source in labels and r.target in labels and r.source != r.target:
            first.setdefault((r.type, r.source, r.target), r)
    edges = list(first.values())
    use_dot = layout == "dot" or (layout == "auto" and dot_available())
    boxes = (dot_layout if use_dot else layered_layout)(plan.actors, edges, labels)
    with cjk_rc():
        xs = [b.x - b.half for b in boxes.values()] + [b.x + b.half for b in boxes.values()] or [0.0, 4.0]
        ys = [b.y for b in boxes.values()] or [0.0]
        left, right = min(xs) - 0.3, max(xs) + 0.3
        bottom, top = min(ys) - 0.5, max(ys) + 0.5
        legend_in = 1.6
        width, height = max(right - left, MIN_WIDTH_IN), (top - bottom) + legend_in
        fig = PlanFigure(figsize=(width, height), layout=None)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(left, left + width)
        ax.set_ylim(bottom, bottom + height)
        ax.axis("off")
        for r in edges:
            _arrow(ax, boxes[r.source], boxes[r.target], r.type)
        for actor in plan.actors:
            b = boxes[actor.id]
            ax.text(b.x, b.y, labels[actor.id], ha="center", va="center", fontsize=FONT_PT, zorder=3,
                    bbox={"boxstyle": "round,pad=0.25", "facecolor": actor_colour(actor.kind),
                          "edgecolor": "#333333", "linewidth": 0.6, "alpha": 0.9})
        orphans = sum(1 for d in plan.duties if not d.assignees)
        head = title if title is not None else (plan.title or plan.id)
        ax.text(left + 0.2, bottom + height - 0.25, head, fontsize=FONT_PT + 3, va="top", weight="bold")
        ax.text(left + 0.2, bottom + height - 0.6,
                f"{len(plan.actors)} actors, {len(edges)} relations; · n = duties given "
                f"({len(plan.duties)} duties, {orphans} given to nobody)", fontsize=FONT_PT, va="top")
        _legend(ax, plan, edges, left + 0.2, bottom + height - 1.0)
    return fig


def _arrow(ax: Axes, a: Box, b: Box, edge_type: str) -> None:
    from matplotlib.patches import FancyArrowPatch

    style = settings("edge_types").get(edge_type, {}).get("style", "solid")
    if abs(a.x - b.x) < 1e-6:
        # In one column: leave and enter on the right, bowed out so the arrow clears the boxes between.
        start, end, rad = (a.x + a.half, a.y), (b.x + b.half, b.y), -0.5 if b.y > a.y else 0.5
    else:
        sign = 1 if b.x > a.x else -1
        start, end, rad = (a.x + sign * a.half, a.y), (b.x - sign * b.half, b.y), 0.08
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=9, linewidth=0.9,
                                 linestyle=style, color=edge_colour(edge_type), alpha=0.85, zorder=2,
                                 connectionstyle=f"arc3,rad={rad}", shrinkA=1, shrinkB=1))


def _legend(ax: Axes, plan: Plan, edges: Sequence[Relation], x: float, y: float) -> None:
    kinds = settings("actor_kinds")
    for kind in dict.fromkeys(a.kind for a in plan.actors):
        text = kinds.get(kind, {}).get("label", kind)
        ax.text(x, y, text, fontsize=FONT_PT - 1, va="top",
                bbox={"boxstyle": "round,pad=0.2", "facecolor": actor_colour(kind), "linewidth": 0.4})
        x += _half_width(text) * 2 + 0.35
    x = ax.get_xlim()[0] + 0.2
    y -= 0.4
    for edge_type in dict.fromkeys(r.type for r in edges):
        style = settings("edge_types").get(edge_type, {}).get("style", "solid")
        ax.plot([x, x + 0.4], [y - 0.08, y - 0.08], color=edge_colour(edge_type), linestyle=style, linewidth=1.5)
        ax.text(x + 0.5, y, edge_type, fontsize=FONT_PT - 1, va="top")
        x += 0.5 + _half_width(edge_type) * 2 + 0.35
