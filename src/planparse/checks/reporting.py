"""Rules on the reporting lines: to whom, up to where, and how often."""
from __future__ import annotations

from collections.abc import Iterator

from ..model import Actor
from .lexicon import words
from .organisation import ORG_TYPES, Organisation
from .registry import Context, Hit, rule

# A report to a post (校长), a standing unit (区教育局) or a body outside the issuer (公安机关) needs
# no definition in the plan; one to a group or office, bodies a plan makes, does.
_MADE_BODIES = ("group", "office")


def _reports(ctx: Context) -> list:
    return [r for r in ctx.plan.relations if r.type == "reports_to" and r.source != r.target]


@rule("report-to-undefined")
def report_to_undefined(ctx: Context) -> Iterator[Hit]:
    in_org = {x for r in ctx.plan.relations if r.type in ORG_TYPES for x in (r.source, r.target)}
    for rel in _reports(ctx):
        target = ctx.actors.get(rel.target)
        if target is None or target.kind not in _MADE_BODIES or rel.target in in_org:
            continue
        if len(target.mentions) <= 1 and rel.target not in ctx.duties_of:
            yield Hit(f"reports go to {target.name}, which the plan names only here and never sets up",
                      rel.span, (rel.source, rel.target))


def _above(ctx: Context, actor: Actor) -> bool:
    """Whether anyone stands above the actor: a group it is part of, a host, a leader or overseer."""
    return any(r.source == actor.id and r.type in ("part_of", "located_in", "reports_to")
               or r.target == actor.id and r.type in ("leads", "supervises") for r in ctx.plan.relations)


@rule("report-chain-break")
def report_chain_break(ctx: Context) -> Iterator[Hit]:
    reports = _reports(ctx)
    if not reports:
        return
    # Loaded only for a plan that has reporting lines: a batch worker need not load it at start.
    import networkx as nx

    org = Organisation(ctx)
    graph = nx.DiGraph()
    graph.add_edges_from((r.source, r.target, {"span": r.span}) for r in reports)
    for cycle in nx.simple_cycles(graph):
        names = " → ".join(ctx.actors[a].name for a in [*cycle, cycle[0]] if a in ctx.actors)
        span = graph.edges[cycle[-1], cycle[0]]["span"]
        yield Hit(f"reports go round in a circle: {names}", span, tuple(cycle))
    for node in graph.nodes:
        actor = ctx.actors.get(node)
        if actor is None or graph.out_degree(node) or _above(ctx, actor) or not org.ad_hoc_office(actor) \
                or org.named_after_group(actor):
            continue
        senders = sorted(graph.predecessors(node))
        span = graph.edges[senders[0], node]["span"]
        yield Hit(f"reports end at {actor.name}, an office with no group or unit above it", span,
                  (node, *senders))


@rule("report-without-time")
def report_without_time(ctx: Context) -> Iterator[Hit]:
    recurring = words("recurrence")
    for rel in _reports(ctx):
        if rel.when is not None or rel.span is None:
            continue
        start, end = ctx.clause(rel.span, words("clause_marks"))
        wording = ctx.words((start, end)) or next(
            (d.action for d in ctx.plan.duties if d.span[0] <= rel.span[0] and rel.span[1] <= d.span[1]), "")
        word = next((w for w in recurring if w in wording), None)
        if word is None:
            continue
        # A time in the clause that the relation was not linked to still says when.
        if any(start <= t.span[0] < end for t in ctx.plan.times if t.type in ("SET", "DATE", "TIME")):
            continue
        yield Hit(f"a recurring report 「{wording}」 ({word}) says no time or cycle (每周五前, 每月5日前…)",
                  rel.span, (rel.source, rel.target))
