"""Where a batch puts each kind of output inside OUT."""
from __future__ import annotations

import glob
import re
from dataclasses import dataclass
from pathlib import Path

from .atomic import write_atomic
from .job import Result


@dataclass(frozen=True)
class Layout:
    """OUT/KEY.json per input (KEY is its relative path, so NAME at top level gives NAME.json),
    OUT/graphs/KEY.PLAN.graphml, OUT/tables/*.csv|parquet, OUT/manifest.csv, OUT/.planparse/ state."""

    out: Path

    def json(self, key: str) -> Path:
        return self.out / f"{key}.json"

    def rows(self, key: str) -> Path:
        """The input's table rows as its worker rendered them (tables.document_fragment)."""
        return self.state / "rows" / f"{key}.rows"

    def graph(self, key: str, plan_id: str) -> Path:
        return self.out / "graphs" / f"{key}.{plan_id}.graphml"

    @property
    def tables(self) -> Path:
        return self.out / "tables"

    @property
    def manifest(self) -> Path:
        return self.out / "manifest.csv"

    @property
    def state(self) -> Path:
        return self.out / ".planparse"


def store(layout: Layout, result: Result) -> None:
    """Write an ok result's outputs; the JSON goes last, since its presence means the input is done."""
    for plan_id, text in result.graphs.items():
        write_atomic(layout.graph(result.key, plan_id), text)
    if result.table_rows is not None:
        write_atomic(layout.rows(result.key), result.table_rows)
    if result.json_text is not None:
        write_atomic(layout.json(result.key), result.json_text)


def discard(layout: Layout, key: str) -> None:
    """Remove the outputs of an input that failed: a worker killed while writing them may have
    left some, and an earlier run on a file that now fails left them all."""
    graph = layout.graph(key, "p0")
    name = graph.name.removesuffix(".p0.graphml")
    # Plan ids are p1, p2, …: another input's graphs (KEY.bak.p1.graphml) do not match.
    plan_graph = re.compile(re.escape(name) + r"\.p\d+\.graphml")
    graphs = [p for p in graph.parent.glob(glob.escape(name) + ".p*.graphml") if plan_graph.fullmatch(p.name)]
    for path in (layout.json(key), layout.rows(key), *graphs):
        path.unlink(missing_ok=True)
