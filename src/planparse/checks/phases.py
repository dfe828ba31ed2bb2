"""Rules on the phases a plan runs in: dated, in order, back to back."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from .dates import phase_days
from .registry import Context, Hit, rule


def _dated(ctx: Context) -> list:
    phases = sorted(ctx.plan.phases, key=lambda p: p.order)
    return [(p, d) for p in phases if (d := phase_days(p, ctx.times))]


def _pairs(ctx: Context) -> Iterator[tuple]:
    dated = _dated(ctx)
    return zip(dated, dated[1:], strict=False)


def _show(days: tuple) -> str:
    return f"{days[0].isoformat()}–{days[1].isoformat()}"


@rule("phase-order")
def phase_order(ctx: Context) -> Iterator[Hit]:
    for (a, da), (b, db) in _pairs(ctx):
        if db[0] < da[0]:
            yield Hit(f"phase {b.name} ({_show(db)}) is written after {a.name} ({_show(da)}) but starts before it",
                      b.span, (a.id, b.id), b.section)


@rule("phase-overlap")
def phase_overlap(ctx: Context) -> Iterator[Hit]:
    for (a, da), (b, db) in _pairs(ctx):
        # Two phases may share their boundary day (3月1日至3月31日, 3月31日至4月30日).
        if da[0] <= db[0] < da[1]:
            yield Hit(f"phase {b.name} ({_show(db)}) starts before {a.name} ({_show(da)}) ends",
                      b.span, (a.id, b.id), b.section)


@rule("phase-gap")
def phase_gap(ctx: Context) -> Iterator[Hit]:
    for (a, da), (b, db) in _pairs(ctx):
        if db[0] > da[1] + timedelta(days=1):
            yield Hit(f"no phase covers {(da[1] + timedelta(days=1)).isoformat()}–"
                      f"{(db[0] - timedelta(days=1)).isoformat()}, between {a.name} and {b.name}",
                      b.span, (a.id, b.id), b.section)


def _in_brackets(ctx: Context, span: tuple[int, int] | None) -> bool:
    """A stage named in brackets (排放限值（中国第六阶段）) is cited, not one of the plan's own."""
    if span is None or ctx.text is None:
        return False
    line = ctx.text[ctx.text.rfind("\n", 0, span[0]) + 1:span[0]]
    return line.count("（") + line.count("(") > line.count("）") + line.count(")")


@rule("phase-undated")
def phase_undated(ctx: Context) -> Iterator[Hit]:
    # One stage word in passing (进入第二阶段) is no schedule; a plan that lays out its stages is.
    if len(ctx.plan.phases) < 2:
        return
    for phase in ctx.plan.phases:
        if phase.start is None and phase.end is None and not _in_brackets(ctx, phase.span):
            yield Hit(f"phase {phase.name} has no dates", phase.span, (phase.id,), phase.section)
