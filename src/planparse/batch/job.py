"""One input's work: the pure parse function, and the task and result a worker exchanges."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..checks.config import config_for
from ..collector import with_collector_paused
from ..errors import TooLargeError
from ..pipeline import build_document
from ..read import read

DEFAULT_MAX_CHARS = 50_000_000


@with_collector_paused
def parse_file(path: str | Path, year: int | None = None,
               max_chars: int = DEFAULT_MAX_CHARS) -> dict[str, Any]:
    """The planparse/1 JSON dict of one plan file, each plan with the `findings` of the gap checks
    (configured by the nearest pyproject.toml above the file, as `planparse check` is); raises a
    PlanParseError for bad input.

    A module-level function of plain arguments, so Dask, Ray or Spark can ship it to workers."""
    src = read(path)
    chars = sum(len(b.text) for b in src.blocks)
    if chars > max_chars:
        raise TooLargeError(path, f"{chars} characters of text, over the limit of {max_chars}")
    doc = build_document(src, year)
    out = doc.to_dict()
    config = config_for(path)
    for plan, item in zip(doc.plans, out["plans"], strict=True):
        item["findings"] = [f.to_dict() for f in plan.check(config, doc.text)]
    return out


# A worker's first message: its imports are done and it takes tasks.
READY = "ready"


@dataclass(frozen=True)
class Task:
    """One input to parse; `key` names its outputs. With `out`, the worker writes the outputs
    into that folder itself rather than sending them back (workers on this machine)."""

    key: str
    path: str
    year: int | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    out: str | None = None


@dataclass
class Result:
    """What a worker gives back for a task: the rendered outputs, or why there are none."""

    key: str
    status: str
    seconds: float
    error_class: str = ""
    message: str = ""
    json_text: str | None = None
    graphs: dict[str, str] = field(default_factory=dict)
    table_rows: str | None = None
    worker_peak_kb: int = 0

    def without_outputs(self) -> Result:
        """The result once its outputs are written: what the parent still needs to record it."""
        return Result(self.key, self.status, self.seconds, self.error_class, self.message,
                      worker_peak_kb=self.worker_peak_kb)


def failure(task: Task, error_class: str, message: str, seconds: float) -> Result:
    return Result(task.key, "failed", seconds, error_class, message)
