"""A whole batch: find the inputs, skip what a resumed run already has, parse the rest, record it all."""
from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .atomic import remove_stale_temps
from .discover import Input, discover
from .job import DEFAULT_MAX_CHARS, Result, Task
from .manifest import Entry, Journal, file_sha256, write_manifest
from .outputs import Layout, discard, store
from .pool import LocalPool
from .progress import Progress
from .tables import TableWriter, preload_pyarrow

ENGINES = ("local", "dask")


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


@dataclass(frozen=True)
class BatchOptions:
    out: Path
    jobs: int = field(default_factory=default_jobs)
    resume: bool = False
    engine: str = "local"
    scheduler: str | None = None
    timeout: float = 60.0
    max_chars: int = DEFAULT_MAX_CHARS
    year: int | None = None
    progress_bar: bool | None = None


@dataclass
class BatchReport:
    entries: list[Entry]
    seconds: float
    worker_peak_kb: int = 0

    def count(self, status: str) -> int:
        return sum(e.status == status for e in self.entries)

    @property
    def summary(self) -> str:
        return (f"planparse batch: {len(self.entries)} inputs, {self.count('ok')} ok, "
                f"{self.count('failed')} failed, {self.count('skipped')} skipped, {self.seconds:.1f} s")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        # Unreadable now: its task reports why.
        return 0


def _already_done(layout: Layout, previous: dict[str, Entry], item: Input, sha: str) -> bool:
    before = previous.get(item.key)
    return (before is not None and before.status in ("ok", "skipped") and bool(sha)
            and before.sha256 == sha and layout.json(item.key).is_file())


def _results(tasks: list[Task], options: BatchOptions,
             pool: LocalPool | None) -> Generator[Result, None, None]:
    if pool is None:
        from .dask_engine import run_dask
        return run_dask(tasks, options.jobs, options.timeout, options.scheduler)
    return pool.run(tasks, options.timeout)


def run_batch(paths: Sequence[str | Path], options: BatchOptions,
              stream: TextIO | None = None) -> BatchReport:
    """Parse every plan file under `paths` into `options.out`; see Layout for what goes where."""
    started = time.monotonic()
    pool = LocalPool(options.jobs) if options.engine == "local" else None
    try:
        return _run(paths, options, stream or sys.stderr, pool, started)
    finally:
        if pool is not None:
            pool.close()


def _run(paths: Sequence[str | Path], options: BatchOptions, stream: TextIO, pool: LocalPool | None,
         started: float) -> BatchReport:
    layout = Layout(Path(options.out))
    layout.out.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(layout.out)
    inputs = discover(paths, exclude=layout.out)
    journal = Journal(layout.state / "journal.jsonl")
    previous = journal.load() if options.resume else {}

    entries: dict[str, Entry] = {}
    tasks: list[Task] = []
    path_of = {item.key: str(item.path) for item in inputs}
    shas: dict[str, str] = {}
    sizes: dict[str, int] = {}
    for item in inputs:
        sha = shas[item.key] = file_sha256(item.path)
        sizes[item.key] = _size(item.path)
        if options.resume and _already_done(layout, previous, item, sha):
            entries[item.key] = Entry(item.key, str(item.path), sha, "skipped")
        else:
            # Local workers write their outputs themselves; Dask workers may not see OUT.
            tasks.append(Task(item.key, str(item.path), options.year, options.max_chars,
                              str(layout.out) if pool is not None else None))
    # The largest inputs first: a long parse started last would leave the other workers idle.
    tasks.sort(key=lambda task: -sizes[task.key])
    if pool is not None:
        pool.shrink(len(tasks))

    journal.open(fresh=not options.resume)
    progress = Progress(len(inputs), stream, options.progress_bar)
    for entry in entries.values():
        progress.advance(entry)
    peak_kb = 0
    # The tables' Parquet writer is imported on a thread once the last tasks are out: the cores
    # are busy starting workers before that and parsing in between, and one falls idle then.
    preload_after = max(0, len(tasks) - options.jobs)
    if preload_after == 0:
        preload_pyarrow()
    results = _results(tasks, options, pool)
    try:
        for done, result in enumerate(results, 1):
            if done == preload_after:
                preload_pyarrow()
            if result.status == "failed":
                discard(layout, result.key)
            store(layout, result)
            entry = Entry(result.key, path_of[result.key], shas[result.key], result.status,
                          result.error_class, result.message, round(result.seconds, 3))
            journal.append(entry)
            entries[result.key] = entry
            peak_kb = max(peak_kb, result.worker_peak_kb)
            progress.advance(entry)
    finally:
        # Stops the workers now, not when the generator is collected.
        results.close()
        progress.close()
        journal.close()

    ordered = [entries[item.key] for item in inputs]
    outputs = {item.key: layout.json(item.key).relative_to(layout.out).as_posix() for item in inputs}
    write_manifest(layout.manifest, ordered, outputs)
    _write_tables(layout, ordered)
    return BatchReport(ordered, time.monotonic() - started, peak_kb)


def _write_tables(layout: Layout, entries: list[Entry]) -> None:
    tables = TableWriter(layout.tables, layout.state / "scratch")
    for entry in entries:
        if entry.status == "failed":
            continue
        rows = layout.rows(entry.key)
        if not (rows.is_file() and tables.add_fragment(rows.read_text(encoding="utf-8"))):
            # Output of a batch that kept no rows, or kept them in another format: render them
            # from the document.
            doc = json.loads(layout.json(entry.key).read_text(encoding="utf-8"))
            tables.add_document(entry.path, doc)
    tables.finish()
