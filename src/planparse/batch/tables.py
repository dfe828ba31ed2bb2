"""Tables of every item the batch found: one row per item with its file and plan id.

The columns come from the items' own keys, so a field or a kind of item that a later stage
adds appears without changes here. Rows are spilled to JSON lines while the outputs are read,
so the tables of a large corpus do not have to fit in memory.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .atomic import write_atomic_with

# Written even when empty, so that a reader of OUT can rely on them.
REQUIRED_TABLES = ("plans", "sections", "actors", "times", "duties", "relations", "findings")
_PARQUET_BATCH_ROWS = 50_000
Cell = str | int | float | bool | None


def cell(value: Any) -> Cell:
    """A value as one table cell: lists and mappings as JSON text."""
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False)
    return value


def _is_item_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


def document_rows(file: str, doc: dict[str, Any]) -> Iterator[tuple[str, dict[str, Cell]]]:
    """(table, row) for each plan of a planparse/1 document and each item of a plan."""
    for plan in doc.get("plans", ()):
        plan_row: dict[str, Cell] = {"file": file, "plan": plan["id"]}
        for key, value in plan.items():
            if key == "id":
                continue
            if _is_item_list(value):
                plan_row[f"n_{key}"] = len(value)
                for item in value:
                    yield key, {"file": file, "plan": plan["id"], **{k: cell(v) for k, v in item.items()}}
            else:
                plan_row[key] = cell(value)
        yield "plans", plan_row


class _Spill:
    """The rows of one table so far, on disk, with the union of their columns and value types."""

    def __init__(self, path: Path):
        self.path = path
        self.file: IO[str] = path.open("w", encoding="utf-8")
        self.columns: dict[str, set[type]] = {"file": set(), "plan": set()}

    def add(self, row: dict[str, Cell]) -> None:
        for key, value in row.items():
            kinds = self.columns.setdefault(key, set())
            if value is not None:
                kinds.add(type(value))
        self.file.write(json.dumps(list(row.items()), ensure_ascii=False) + "\n")

    def rows(self) -> Iterator[dict[str, Cell]]:
        self.file.close()
        with self.path.open(encoding="utf-8") as f:
            for line in f:
                yield dict(json.loads(line))


class TableWriter:
    """Collects rows with `add`, then `finish` writes NAME.csv (and NAME.parquet with pyarrow)."""

    def __init__(self, folder: Path, scratch: Path):
        self.folder = folder
        self.scratch = scratch
        scratch.mkdir(parents=True, exist_ok=True)
        self._spills: dict[str, _Spill] = {}

    def _spill(self, table: str) -> _Spill:
        if table not in self._spills:
            self._spills[table] = _Spill(self.scratch / f"{table}.rows.jsonl")
        return self._spills[table]

    def add_document(self, file: str, doc: dict[str, Any]) -> None:
        for table, row in document_rows(file, doc):
            self._spill(table).add(row)

    def finish(self) -> list[Path]:
        for table in REQUIRED_TABLES:
            self._spill(table)
        written = []
        for table, spill in self._spills.items():
            csv_path = self.folder / f"{table}.csv"
            write_atomic_with(csv_path, lambda f, s=spill: _write_csv(f, s))
            written.append(csv_path)
            parquet_path = self.folder / f"{table}.parquet"
            if _write_parquet_if_possible(parquet_path, spill):
                written.append(parquet_path)
            spill.path.unlink(missing_ok=True)
        return written


def _write_csv(f: IO[bytes], spill: _Spill) -> None:
    text = io.TextIOWrapper(f, encoding="utf-8", newline="")
    writer = csv.DictWriter(text, fieldnames=list(spill.columns), lineterminator="\n")
    writer.writeheader()
    for row in spill.rows():
        writer.writerow({k: ("true" if v is True else "false" if v is False else v) for k, v in row.items()})
    text.flush()
    text.detach()


def _write_parquet_if_possible(path: Path, spill: _Spill) -> bool:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # Parquet is the optional `parquet` extra; the CSV is always there.
        return False
    types = {name: _arrow_type(pa, kinds) for name, kinds in spill.columns.items()}
    schema = pa.schema([(name, t) for name, t in types.items()])
    as_text = {name for name, t in types.items() if t == pa.string()}

    def fill(f: IO[bytes]) -> None:
        with pq.ParquetWriter(f, schema) as writer:
            batch: list[dict[str, Cell]] = []
            for row in spill.rows():
                batch.append({k: (str(v) if k in as_text and v is not None else v) for k, v in row.items()})
                if len(batch) >= _PARQUET_BATCH_ROWS:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    batch = []
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))

    write_atomic_with(path, fill)
    return True


def _arrow_type(pa: Any, kinds: set[type]) -> Any:
    if kinds == {bool}:
        return pa.bool_()
    if kinds == {int}:
        return pa.int64()
    if kinds and kinds <= {int, float}:
        return pa.float64()
    return pa.string()
