"""Tables of every item the batch found: one row per item with its file and plan id.

The columns come from the items' own keys, so a field or a kind of item that a later stage
adds appears without changes here. Each worker renders its document's rows as CSV text; the
batch's parent spills them to disk table by table and then concatenates, re-ordering cells only
where a document's columns differ from the table's, so the tables of a large corpus need not fit
in memory and the parent's share of the work stays small. Parquet is made from the finished CSV
by Arrow's reader, with each column's type taken from the values seen.
"""
from __future__ import annotations

import csv
import io
import json
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any

from .atomic import write_atomic_with

# Written even when empty, so that a reader of OUT can rely on them.
REQUIRED_TABLES = ("plans", "sections", "actors", "times", "duties", "relations", "findings")
Cell = str | int | float | bool | None


# One encoder for every cell: json.dumps with an option set makes a new one per call.
_encode = json.JSONEncoder(ensure_ascii=False).encode


def cell(value: Any) -> Cell:
    """A value as one table cell: lists and mappings as JSON text."""
    if isinstance(value, dict):
        return _encode(value)
    if isinstance(value, list | tuple):
        # Spans and lists of spans, most of the cells, are written as json would write them.
        if all(type(v) is int for v in value):
            return "[" + ", ".join(map(str, value)) + "]"
        if all(type(v) is list and all(type(x) is int for x in v) for v in value):
            return "[" + ", ".join("[" + ", ".join(map(str, v)) + "]" for v in value) + "]"
        return _encode(value)
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
# A fragment this module cannot read (one written by another version) is rendered again from its JSON.
FRAGMENT_FORMAT = 2
# Text is copied from the spill to the CSV in pieces of this many characters.
_COPY_CHARS = 1 << 20
_PARQUET_BLOCK_BYTES = 1 << 24


def _csv_cell(value: Cell) -> Cell:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def document_fragment(file: str, doc: dict[str, Any]) -> str:
    """The table rows of one document as CSV text, so that the batch's parent only concatenates.

    A first line (JSON) gives, per table, its columns in this document with their value types
    and how many characters its CSV rows take; the rows follow, table after table. Workers make
    it beside the document, in parallel."""
    by_table: dict[str, list[dict[str, Cell]]] = {}
    for table, row in document_rows(file, doc):
        by_table.setdefault(table, []).append(row)
    tables: dict[str, dict[str, Any]] = {}
    blocks = []
    for table, rows in by_table.items():
        kinds: dict[str, list[str]] = {}
        for row in rows:
            for key, value in row.items():
                known = kinds.setdefault(key, [])
                if value is not None and type(value).__name__ not in known:
                    known.append(type(value).__name__)
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows([_csv_cell(row.get(c)) for c in kinds] for row in rows)
        text = out.getvalue()
        tables[table] = {"columns": kinds, "chars": len(text)}
        blocks.append(text)
    head = json.dumps({"format": FRAGMENT_FORMAT, "tables": tables}, ensure_ascii=False)
    return head + "\n" + "".join(blocks)


class _Spill:
    """The CSV rows of one table so far, on disk, with the union of their columns and value types
    and, for each piece, the columns its cells follow."""

    def __init__(self, path: Path):
        self.path = path
        self.file: IO[str] = path.open("w", encoding="utf-8", newline="")
        self.columns: dict[str, set[type]] = {"file": set(), "plan": set()}
        self.pieces: list[tuple[tuple[str, ...], int]] = []

    def add(self, kinds: dict[str, list[str]], text: str) -> None:
        for key, names in kinds.items():
            self.columns.setdefault(key, set()).update(_TYPES[n] for n in names)
        self.file.write(text)
        self.pieces.append((tuple(kinds), len(text)))

    def write_csv(self, out: IO[str]) -> None:
        """The header and every piece; a piece whose columns are not the table's is re-ordered."""
        self.file.close()
        columns = tuple(self.columns)
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        with self.path.open(encoding="utf-8", newline="") as spilled:
            for own, chars in self.pieces:
                if own == columns:
                    while chars:
                        chunk = spilled.read(min(chars, _COPY_CHARS))
                        out.write(chunk)
                        chars -= len(chunk)
                    continue
                at = {c: i for i, c in enumerate(own)}
                index = [at.get(c) for c in columns]
                for row in csv.reader(io.StringIO(spilled.read(chars))):
                    writer.writerow(["" if i is None else row[i] for i in index])


class TableWriter:
    """Collects document fragments, then `finish` writes NAME.csv (and NAME.parquet with pyarrow)."""

    def __init__(self, folder: Path, scratch: Path):
        self.folder = folder
        self.scratch = scratch
        scratch.mkdir(parents=True, exist_ok=True)
        self._spills: dict[str, _Spill] = {}

    def _spill(self, table: str) -> _Spill:
        if table not in self._spills:
            self._spills[table] = _Spill(self.scratch / f"{table}.rows.csv")
        return self._spills[table]

    def add_document(self, file: str, doc: dict[str, Any]) -> None:
        self.add_fragment(document_fragment(file, doc))

    def add_fragment(self, fragment: str) -> bool:
        """Take the rows of a `document_fragment`; False (and nothing taken) for another format's."""
        head, _, body = fragment.partition("\n")
        try:
            meta = json.loads(head)
        except json.JSONDecodeError:
            return False
        if not isinstance(meta, dict) or meta.get("format") != FRAGMENT_FORMAT:
            return False
        pos = 0
        for table, part in meta["tables"].items():
            self._spill(table).add(part["columns"], body[pos:pos + part["chars"]])
            pos += part["chars"]
        return True

    def finish(self) -> list[Path]:
        for table in REQUIRED_TABLES:
            self._spill(table)
        written = []
        for table, spill in self._spills.items():
            csv_path = self.folder / f"{table}.csv"
            write_atomic_with(csv_path, lambda f, s=spill: _write_csv(s, f))
            written.append(csv_path)
        arrow = _pyarrow()
        if arrow is not None:
            # Arrow reads the CSV and writes Parquet without holding the GIL: the tables go in parallel.
            with ThreadPoolExecutor(max_workers=min(len(self._spills), os.cpu_count() or 1)) as pool:
                written += pool.map(lambda item: self._write_parquet(*item, arrow), self._spills.items())
        for spill in self._spills.values():
            spill.path.unlink(missing_ok=True)
        return written

    def _write_parquet(self, table: str, spill: _Spill, arrow: Any) -> Path:
        path = self.folder / f"{table}.parquet"
        write_atomic_with(path, lambda f: _write_parquet(spill, self.folder / f"{table}.csv", f, arrow))
        return path


def _write_csv(spill: _Spill, f: IO[bytes]) -> None:
    text = io.TextIOWrapper(f, encoding="utf-8", newline="")
    spill.write_csv(text)
    text.flush()
    text.detach()


def preload_pyarrow() -> None:
    """Import pyarrow on a thread of its own, while the workers parse, so the tables need not wait for it."""
    threading.Thread(target=_pyarrow, name="preload-pyarrow", daemon=True).start()


def _pyarrow() -> Any | None:
    try:
        import pyarrow as pa
        import pyarrow.csv as pacsv
        import pyarrow.parquet as pq
    except ImportError:  # Parquet is the optional `parquet` extra; the CSV is always there.
        return None
    return pa, pacsv, pq


def _write_parquet(spill: _Spill, csv_path: Path, f: IO[bytes], arrow: Any) -> None:
    """The finished CSV read back by Arrow's CSV reader, a block at a time, with each column's type
    from the values the rows held. An empty cell is null, as it is in the CSV."""
    pa, pacsv, pq = arrow
    types = {name: _arrow_type(pa, kinds) for name, kinds in spill.columns.items()}
    schema = pa.schema(list(types.items()))
    reader = pacsv.open_csv(
        csv_path,
        # Blocks of this size make row groups large enough to compress well and bound the memory.
        read_options=pacsv.ReadOptions(block_size=_PARQUET_BLOCK_BYTES),
        parse_options=pacsv.ParseOptions(newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(column_types=types, strings_can_be_null=True,
                                             true_values=["true"], false_values=["false"]))
    with pq.ParquetWriter(f, schema) as writer:
        wrote = False
        for batch in reader:
            writer.write_batch(batch)
            wrote = True
        if not wrote:
            writer.write_table(schema.empty_table())


def _arrow_type(pa: Any, kinds: set[type]) -> Any:
    if kinds == {bool}:
        return pa.bool_()
    if kinds == {int}:
        return pa.int64()
    if kinds and kinds <= {int, float}:
        return pa.float64()
    return pa.string()
