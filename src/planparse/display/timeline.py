"""Phases and deadlines as a Gantt chart, with what has no calendar date kept apart.

A phase is a bar over the days its times state; duty deadlines are diamonds (a day) or thin bars (a
month, a year) on a lane of their own. A time with a blank in it (X月, XXXX) or tied to an event
(汛期前, 接到通知后, 二十大闭幕后5日内) gets no invented date: it is written out, as the plan words it,
in the undated lane under the chart. A phase that starts on a date and ends at an event is drawn from
its date with an open end that names the event.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..checks.dates import Days, value_days
from .config import settings
from .fonts import cjk_rc

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..model import Plan, TimeExpression

FONT_PT = 9
LANE_IN = 0.4
UNDATED_LINE_IN = 0.24
MAX_UNDATED = 24
ACTION_CHARS = 10
LABEL_ROOM_IN = 0.9


@dataclass(frozen=True)
class Bar:
    """A lane's item: its days where stated, with an open start or end named by `open_start`/`open_end`."""

    lane: str
    first: date | None
    last: date | None
    open_start: str = ""
    open_end: str = ""
    what: str = ""


def _half(value: str | None) -> Days | None:
    return value_days(value) if value and "X" not in value else None


def time_extent(time: TimeExpression) -> tuple[date | None, date | None, str, str]:
    """First and last stated day of a time, and the words that stand for an end it has no date for."""
    if time.type != "DATE" or time.placeholder:
        return None, None, "", ""
    if time.start or time.end or "/" in (time.value or ""):
        start, end = (time.start, time.end) if time.start or time.end else time.value.split("/", 1)
        a, b = _half(start), _half(end)
        return (a[0] if a else None, b[1] if b else None,
                "" if a else (time.anchor or start or ""), "" if b else (time.anchor or end or ""))
    days = _half(time.value)
    return (days[0], days[1], "", "") if days else (None, None, "", "")


def describe(time: TimeExpression) -> str:
    """A time as the undated lane writes it: the words of the plan and why there is no date."""
    value = time.value or time.start or ""
    if time.type != "DATE":
        why = {"DURATION": "a length of time", "SET": "a recurrence"}.get(time.type, time.type)
        why += f" after 「{time.anchor}」" if time.anchor else ""
    elif time.anchor:
        why = f"tied to the event 「{time.anchor}」"
    elif time.placeholder or "X" in value.removeprefix("XXXX"):
        why = "blank in the plan"
    elif value.startswith("XXXX"):
        why = "no year stated"
    else:
        why = "no calendar date"
    return f"{time.text}  ({why})"


def draw_timeline(plan: Plan, title: str | None = None) -> Figure:
    """The plan's phases (in their order) and duty deadlines over the calendar, and an undated lane."""
    from .figure import PlanFigure

    cfg = settings("timeline")
    times = plan.times.names.times
    bars: list[Bar] = []
    undated_phases: list[str] = []
    undated: Counter[str] = Counter()
    for phase in sorted(plan.phases, key=lambda p: p.order):
        first_time, last_time = times.get(phase.start or phase.end or ""), times.get(phase.end or phase.start or "")
        a = time_extent(first_time) if first_time else (None, None, "", "")
        b = time_extent(last_time) if last_time else (None, None, "", "")
        if a[0] or b[1]:
            # The end without a date is named by the event it waits for, or by the plan's own words.
            bars.append(Bar(phase.name, a[0], b[1], "" if a[0] else a[2] or (first_time.text if first_time else "?"),
                            "" if b[1] else b[3] or (last_time.text if last_time else "?")))
        else:
            given = [t for t in dict.fromkeys((first_time, last_time)) if t]
            undated_phases.append(f"phase {phase.name}: " + ("; ".join(describe(t) for t in given) or "no time given"))
    deadlines: list[Bar] = []
    for duty in plan.duties:
        time = times.get(duty.deadline or "")
        if time is None:
            continue
        first, last, _, _ = time_extent(time)
        if first and last:
            deadlines.append(Bar(cfg["deadline_lane"], first, last, what=duty.action))
        else:
            undated[f"deadline {describe(time)}"] += 1

    # Deadlines on top, where their labels have room above them.
    lanes = list(dict.fromkeys([d.lane for d in deadlines] + [b.lane for b in bars]))
    shown = ([(text, 1) for text in undated_phases] + undated.most_common())[:MAX_UNDATED]
    total = len(undated_phases) + sum(undated.values())
    chart_in = max(len(lanes), 1) * LANE_IN + 1.2 + (LABEL_ROOM_IN if deadlines else 0)
    undated_in = (len(shown) + 2) * UNDATED_LINE_IN
    with cjk_rc():
        fig = PlanFigure(figsize=(10, chart_in + undated_in + 0.6), layout="constrained")
        chart, lane_axes = fig.subplots(2, 1, height_ratios=[chart_in, undated_in])
        chart.set_title(title if title is not None else (plan.title or plan.id), fontsize=FONT_PT + 3, loc="left")
        if lanes:
            _chart(chart, lanes, bars, deadlines, cfg)
        else:
            chart.axis("off")
            chart.text(0, 0.5, "no phase or deadline of this plan has a calendar date", fontsize=FONT_PT)
        _undated(lane_axes, shown, total - sum(n for _, n in shown), cfg)
    return fig


def _chart(ax: Axes, lanes: list[str], bars: list[Bar], deadlines: list[Bar], cfg: dict) -> None:
    import matplotlib.dates as mdates

    days = [d for b in bars + deadlines for d in (b.first, b.last) if d]
    lo, hi = min(days), max(days)
    pad = max((hi - lo) / 12, timedelta(days=3))
    open_len = max((hi - lo) / 8, timedelta(days=5))
    row = {lane: i for i, lane in enumerate(lanes)}
    for b in bars:
        y = row[b.lane]
        first, last = b.first or (b.last - open_len), b.last or (b.first + open_len)
        ax.barh(y, (last - first).days + 1, left=first, height=0.55, color=cfg["phase_colour"],
                alpha=0.35 if b.open_start or b.open_end else 0.85, edgecolor=cfg["phase_colour"])
        if b.open_end:
            ax.annotate(f"→ {b.open_end}", (last + timedelta(days=1), y), xytext=(3, 0), textcoords="offset points",
                        va="center", fontsize=FONT_PT - 1)
        if b.open_start:
            ax.annotate(f"{b.open_start} →", (first, y), xytext=(-3, 0), textcoords="offset points",
                        va="center", ha="right", fontsize=FONT_PT - 1)
    y = row[cfg["deadline_lane"]] if deadlines else 0
    for first, last in {(d.first, d.last) for d in deadlines if d.first != d.last}:
        # A deadline stated as a month or a range: the days it may fall on, under its diamond.
        ax.barh(y, (last - first).days + 1, left=first, height=0.12, color=cfg["deadline_colour"], alpha=0.3)
    by_day: dict[date, list[str]] = {}
    for d in deadlines:
        by_day.setdefault(d.last, []).append(d.what)
    for last, actions in sorted(by_day.items()):
        ax.plot([last], [y], marker="D", color=cfg["deadline_colour"], markersize=6)
        what = actions[0] if len(actions[0]) <= ACTION_CHARS else actions[0][:ACTION_CHARS - 1] + "…"
        ax.annotate(what + (f" +{len(actions) - 1}" if len(actions) > 1 else ""), (last, y), xytext=(0, 7),
                    textcoords="offset points", rotation=30, fontsize=FONT_PT - 2, color="#444444")
    ax.set_yticks(range(len(lanes)), lanes, fontsize=FONT_PT)
    top = -0.6 - (LABEL_ROOM_IN / LANE_IN if deadlines else 0)
    ax.set_ylim(len(lanes) - 0.4, top)
    ax.set_xlim(lo - pad - open_len, hi + pad + open_len)
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="x", alpha=0.3)


def _undated(ax: Axes, shown: list[tuple[str, int]], more: int, cfg: dict) -> None:
    ax.axis("off")
    ax.set_xlim(0, 1)
    lines = [f"{text}  ×{n}" if n > 1 else text for text, n in shown] + ([f"… {more} more"] if more else [])
    ax.set_ylim(len(lines) + 1, -0.2)
    ax.text(0, 0, f"{cfg['undated_lane']} ({sum(n for _, n in shown) + more})", fontsize=FONT_PT,
            weight="bold", va="top", color="#333333")
    for i, line in enumerate(lines or ["(none)"], 1):
        ax.text(0.02, i, line, fontsize=FONT_PT - 0.5, va="top", color="#444444")
