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


_TYPES: dict[str, type] = {"str": str, "int": int, "float": float, "bool": bool}


def document_fragment(file: str, doc: dict[str, Any]) -> str:
    """The table rows of one document as text a TableWriter takes without parsing them again:
    a first line with each table's columns and their value types, then `TABLE<tab>ROW-JSON` lines.

    Workers make it beside the document, so the batch's parent only copies lines."""
    columns: dict[str, dict[str, list[str]]] = {}
    lines = []
    for table, row in document_rows(file, doc):
        kinds = columns.setdefault(table, {})
        for key, value in row.items():
            known = kinds.setdefault(key, [])
            if value is not None and type(value).__name__ not in known:
                known.append(type(value).__name__)
        lines.append(f"{table}\t{json.dumps(list(row.items()), ensure_ascii=False)}\n")
    return json.dumps(columns, ensure_ascii=False) + "\n" + "".join(lines)


class _Spill:
    """The rows of one table so far, on disk, with the union of their columns and value types."""

    def __init__(self, path: Path):
        self.path = path
        self.file: IO[str] = path.open("w", encoding="utf-8")
        self.columns: dict[str, set[type]] = {"file": set(), "plan": set()}

    def add_columns(self, kinds: dict[str, list[str]]) -> None:
        for key, names in kinds.items():
            self.columns.setdefault(key, set()).update(_TYPES[n] for n in names)

    def add_line(self, row_json: str) -> None:
        self.file.write(row_json)

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
        self.add_fragment(document_fragment(file, doc))

    def add_fragment(self, fragment: str) -> None:
        """Take the rows of a `document_fragment`."""
        head, _, body = fragment.partition("\n")
        for table, kinds in json.loads(head).items():
            self._spill(table).add_columns(kinds)
        for line in body.splitlines(keepends=True):
            table, _, row_json = line.partition("\t")
            self._spill(table).add_line(row_json)

    def finish(self) -> list[Path]:
        for table in REQUIRED_TABLES:
            self._spill(table)
        arrow = _pyarrow()
        written = []
        for table, spill in self._spills.items():
            csv_path = self.folder / f"{table}.csv"
            parquet_path = self.folder / f"{table}.parquet"
            if arrow is None:
                write_atomic_with(csv_path, lambda f, s=spill: _write(s, f, None, None))
            else:
                # One pass over the spilled rows fills both files.
                write_atomic_with(csv_path, lambda f, s=spill, p=parquet_path: write_atomic_with(
                    p, lambda g: _write(s, f, g, arrow)))
                written.append(parquet_path)
            written.append(csv_path)
            spill.path.unlink(missing_ok=True)
        return written


def _pyarrow() -> tuple[Any, Any] | None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # Parquet is the optional `parquet` extra; the CSV is always there.
        return None
    return pa, pq


def _write(spill: _Spill, csv_file: IO[bytes], parquet_file: IO[bytes] | None, arrow: tuple[Any, Any] | None) -> None:
    columns = list(spill.columns)
    text = io.TextIOWrapper(csv_file, encoding="utf-8", newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(columns)
    flags = [i for i, c in enumerate(columns) if bool in spill.columns[c]]
    parquet = _ParquetSink(parquet_file, spill, arrow) if parquet_file is not None and arrow else None
    batch: list[list[Cell]] = []
    for row in spill.rows():
        batch.append([row.get(c) for c in columns])
        if len(batch) >= _PARQUET_BATCH_ROWS:
            _flush(batch, writer, flags, parquet)
            batch = []
    _flush(batch, writer, flags, parquet)
    if parquet is not None:
        parquet.close()
    text.flush()
    text.detach()


def _flush(batch: list[list[Cell]], writer: Any, flags: list[int], parquet: _ParquetSink | None) -> None:
    if parquet is not None:
        parquet.write(batch)
    for values in batch:
        for i in flags:
            if isinstance(values[i], bool):
                values[i] = "true" if values[i] else "false"
        writer.writerow(values)


class _ParquetSink:
    """Writes batches of rows as Parquet row groups, a column at a time (pyarrow takes lists far
    faster than a dict per row)."""

    def __init__(self, f: IO[bytes], spill: _Spill, arrow: tuple[Any, Any]):
        pa, pq = arrow
        self.pa = pa
        types = [_arrow_type(pa, kinds) for kinds in spill.columns.values()]
        self.schema = pa.schema(list(zip(spill.columns, types, strict=True)))
        self.as_text = [t == pa.string() for t in types]
        self.writer = pq.ParquetWriter(f, self.schema)
        self.wrote = False

    def write(self, batch: list[list[Cell]]) -> None:
        if not batch and self.wrote:
            return
        columns = [list(c) for c in zip(*batch, strict=True)] if batch else [[] for _ in self.as_text]
        for values, text in zip(columns, self.as_text, strict=True):
            if text:
                values[:] = [str(v) if v is not None else None for v in values]
        self.writer.write_table(self.pa.table(columns, schema=self.schema))
        self.wrote = True

    def close(self) -> None:
        self.writer.close()


def _arrow_type(pa: Any, kinds: set[type]) -> Any:
    if kinds == {bool}:
        return pa.bool_()
    if kinds == {int}:
        return pa.int64()
    if kinds and kinds <= {int, float}:
        return pa.float64()
    return pa.string()
