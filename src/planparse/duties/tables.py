"""Rows of responsibility and schedule tables (cells split by TAB) read as duties."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .actorindex import ActorIndex
from .clauses import stripped
from .deadlines import TimeIndex
from .lexicon import DutyLexicon
from .markers import Owner

_NAME_SEP = re.compile(r"[、，,；;/\s]+")
_OWNER_ROLE = {"lead": "lead", "responsible": "responsible", "support": "support"}


@dataclass(slots=True)
class RowDuty:
    start: int
    end: int
    action: str
    owners: tuple[Owner, ...]
    deadline: str | None


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    while True:
        tab = text.find("\t", pos, end)
        out.append(stripped(text, pos, end if tab < 0 else tab))
        if tab < 0:
            return out
        pos = tab + 1


def _header(text: str, cells: list[tuple[int, int]], lex: DutyLexicon) -> list[str | None] | None:
    kinds = [lex.column_kind(text[s:e]) if e - s <= 12 else None for s, e in cells]
    owners = sum(k in _OWNER_ROLE for k in kinds)
    if "task" in kinds and (owners or "deadline" in kinds):
        return kinds
    return None


def _owners(text: str, s: int, e: int, role: str, index: ActorIndex) -> list[Owner]:
    ids = [m.actor for m in index.within(s, e)]
    if not ids:
        ids = [a for n in _NAME_SEP.split(text[s:e]) if (a := index.resolve(n))]
    seen: list[Owner] = []
    for a in ids:
        if all(o.actor != a for o in seen):
            seen.append(Owner(a, role))
    return seen


def _typed(text: str, cells: list[tuple[int, int]], kinds: list[str | None], index: ActorIndex,
           times: TimeIndex) -> list[str | None]:
    """Columns for the cells of a short row (cells merged down from above, or empty cells lost):
    a cell of names goes to the next owner column, a cell of a time to the time column, the first
    other cell that is not a serial number to the task column."""
    owner_columns = [k for k in kinds if k in _OWNER_ROLE]
    out: list[str | None] = []
    task_seen = False
    for s, e in cells:
        cell = text[s:e]
        found = times.within(s, e)
        if found and sum(t.span[1] - t.span[0] for t in found) >= 0.6 * (e - s):
            out.append("deadline")
        elif owner_columns and _only_names(cell, index):
            out.append(owner_columns.pop(0))
        elif not task_seen and not cell.isdigit() and len(cell) >= 2:
            out.append("task")
            task_seen = True
        else:
            out.append(None)
    return out


def _only_names(cell: str, index: ActorIndex) -> bool:
    parts = [n for n in _NAME_SEP.split(cell) if n]
    return bool(parts) and all(index.resolve(n) for n in parts)


def table_duties(text: str, rows: list[tuple[int, int]], lex: DutyLexicon, index: ActorIndex,
                 times: TimeIndex) -> Iterator[RowDuty]:
    """One duty per row that names a task under a header with a task column and owner or time columns."""
    kinds: list[str | None] | None = None
    for start, end in rows:
        cells = _cells(text, start, end)
        header = _header(text, cells, lex)
        if header:
            kinds = header
            continue
        if kinds is None:
            continue
        row_kinds = kinds if len(cells) == len(kinds) else _typed(text, cells, kinds, index, times)
        task = None
        owners: list[Owner] = []
        deadline = None
        for kind, (s, e) in zip(row_kinds, cells, strict=False):
            if e <= s:
                continue
            if kind == "task":
                task = (s, e)
            elif kind in _OWNER_ROLE:
                found = _owners(text, s, e, _OWNER_ROLE[kind], index)
                owners += [o for o in found if all(o.actor != x.actor for x in owners)]
            elif kind == "deadline":
                found_times = times.within(s, e)
                deadline = found_times[0].id if found_times else None
        if task is None:
            continue
        yield RowDuty(start, end, text[task[0]:task[1]], tuple(owners), deadline)
