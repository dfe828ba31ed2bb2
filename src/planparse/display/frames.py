"""The pandas tables of a plan's collections: one row per item, the columns docs/display.md lists.

Ids stay in their own columns (`section`, `deadline`, `source`) and the readable name of each sits
beside it (`section_title`, `deadline_text`, `source_name`); a span is `span_start` and `span_end`,
offsets into `Document.text`. List cells (aliases, assignees) hold Python lists.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from .items import Items, Names

Row = dict[str, Any]

ROLES = ("responsible", "lead", "support", "accountable", "informed")

COLUMNS: dict[str, tuple[str, ...]] = {
    "sections": ("id", "level", "label", "number", "title", "parent", "parent_title", "span_start", "span_end"),
    "actors": ("id", "name", "kind", "aliases", "mentions", "first_mention", "duties"),
    "times": ("id", "text", "type", "value", "start", "end", "mod", "anchor", "role", "placeholder",
              "section", "section_title", "span_start", "span_end"),
    "phases": ("id", "order", "name", "start", "start_text", "start_value", "end", "end_text", "end_value",
               "section", "section_title", "span_start", "span_end"),
    "duties": ("id", "action", "modality", "assignees", *ROLES, "orphan", "deadline", "deadline_text",
               "deadline_value", "section", "section_title", "span_start", "span_end"),
    "relations": ("type", "source", "source_name", "target", "target_name", "role", "when", "when_text",
                  "span_start", "span_end"),
    "findings": ("rule", "severity", "message", "section", "section_title", "refs", "span_start", "span_end"),
}
# Nullable integers, so that a missing span or number does not turn the column into floats.
_INTEGERS = ("level", "number", "mentions", "first_mention", "duties", "order", "span_start", "span_end")


def _span(span: tuple[int, int] | None) -> Row:
    return {"span_start": span[0] if span else None, "span_end": span[1] if span else None}


def _time(names: Names, time_id: str | None, prefix: str) -> Row:
    time = names.time(time_id)
    value = (time.value or time.start) if time else None
    return {prefix: time_id, f"{prefix}_text": time.text if time else None, f"{prefix}_value": value}


def _section(names: Names, section_id: str | None) -> Row:
    return {"section": section_id, "section_title": names.section(section_id)}


def _sections(s: Any, names: Names) -> Row:
    return {"id": s.id, "level": s.level, "label": s.label, "number": s.number, "title": s.title,
            "parent": s.parent, "parent_title": names.section(s.parent), **_span(s.span)}


def _actors(a: Any, names: Names) -> Row:
    return {"id": a.id, "name": a.name, "kind": a.kind, "aliases": list(a.aliases), "mentions": len(a.mentions),
            "first_mention": min((m[0] for m in a.mentions), default=None), "duties": names.duties_of.get(a.id, 0)}


def _times(t: Any, names: Names) -> Row:
    return {"id": t.id, "text": t.text, "type": t.type, "value": t.value, "start": t.start, "end": t.end,
            "mod": t.mod, "anchor": t.anchor, "role": t.role, "placeholder": t.placeholder,
            **_section(names, t.section), **_span(t.span)}


def _phases(p: Any, names: Names) -> Row:
    return {"id": p.id, "order": p.order, "name": p.name, **_time(names, p.start, "start"),
            **_time(names, p.end, "end"), **_section(names, p.section), **_span(p.span)}


def _duties(d: Any, names: Names) -> Row:
    by_role: dict[str, list[str]] = {role: [] for role in ROLES}
    for a in d.assignees:
        by_role.setdefault(a.role, []).append(names.actor(a.actor))
    return {"id": d.id, "action": d.action, "modality": d.modality,
            "assignees": list(dict.fromkeys(names.actor(a.actor) for a in d.assignees)),
            **{role: by_role[role] for role in ROLES}, "orphan": not d.assignees,
            **_time(names, d.deadline, "deadline"), **_section(names, d.section), **_span(d.span)}


def _relations(r: Any, names: Names) -> Row:
    when = names.time(r.when)
    return {"type": r.type, "source": r.source, "source_name": names.actor(r.source), "target": r.target,
            "target_name": names.actor(r.target), "role": r.role, "when": r.when,
            "when_text": when.text if when else None, **_span(r.span)}


def _findings(f: Any, names: Names) -> Row:
    return {"rule": f.rule, "severity": f.severity, "message": f.message, **_section(names, f.section),
            "refs": list(f.refs), **_span(f.span)}


ROWS: dict[str, Callable[[Any, Names], Row]] = {
    "sections": _sections, "actors": _actors, "times": _times, "phases": _phases, "duties": _duties,
    "relations": _relations, "findings": _findings,
}


def rows(items: Items) -> list[Row]:
    """The table's rows as dicts, for a caller that needs no pandas."""
    make = ROWS[items.kind]
    return [make(item, items.names) for item in items]


def frame(items: Items) -> pd.DataFrame:
    """Every column is there even for no items, so code written against a full table runs on an empty one."""
    import pandas as pd

    table = pd.DataFrame(rows(items), columns=list(COLUMNS[items.kind]))
    return table.astype({c: "Int64" for c in _INTEGERS if c in table.columns})
