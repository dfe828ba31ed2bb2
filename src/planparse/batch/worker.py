"""The worker process: `python -m planparse.batch.worker TASK_FD RESULT_FD`.

It announces itself once its imports are done, then runs one task at a time until the task
pipe closes. The parent kills it when a task overruns its time limit.
"""
from __future__ import annotations

import json
import os
import resource
import signal
import sys
import time
from dataclasses import replace
from multiprocessing.connection import Connection
from pathlib import Path

from ..collector import with_collector_paused
from ..errors import PlanParseError
from ..graph_items import plan_graphml
from ..pipeline import parse_text
from .job import READY, Result, Task, failure, parse_file
from .outputs import Layout, store
from .tables import document_fragment


# Rendering makes as many short-lived objects as parsing does, none of them in cycles.
@with_collector_paused
def run_task(task: Task) -> Result:
    """Parse and render one input; every exception becomes a failed Result."""
    started = time.perf_counter()
    try:
        doc = parse_file(task.path, task.year, task.max_chars)
        json_text = json.dumps(doc, ensure_ascii=False)
        graphs = {plan["id"]: plan_graphml(plan) for plan in doc["plans"]}
        table_rows = document_fragment(task.path, doc)
    except PlanParseError as exc:
        return failure(task, type(exc).__name__, exc.cause, time.perf_counter() - started)
    except Exception as exc:  # noqa: BLE001 - a bug met on one file must not stop the other files
        return failure(task, type(exc).__name__, str(exc) or repr(exc), time.perf_counter() - started)
    result = Result(task.key, "ok", time.perf_counter() - started, json_text=json_text, graphs=graphs,
                    table_rows=table_rows)
    if task.out is None:
        return result
    # Writing here keeps the parent, which every worker waits on, from writing every file itself.
    try:
        store(Layout(Path(task.out)), result)
    except OSError as exc:
        return failure(task, type(exc).__name__, f"cannot write the outputs: {exc}", time.perf_counter() - started)
    return replace(result.without_outputs(), seconds=time.perf_counter() - started)


def _peak_rss_kb() -> int:
    # Linux keeps ru_maxrss across exec, so it would count the parent's memory at the fork that
    # started this interpreter; VmHWM belongs to this process's own address space.
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _warm_up() -> None:
    # Loads the data files and compiles the patterns now, so a task's time limit measures its parse.
    parse_text("某某工作方案\n一、总体要求\n（一）加强领导。\n1.落实责任。\n")


def serve(tasks: Connection, results: Connection) -> None:
    _warm_up()
    try:
        results.send(READY)
    except (BrokenPipeError, OSError):
        return
    while True:
        try:
            task = tasks.recv()
        except EOFError:
            return
        if task is None:
            return
        result = replace(run_task(task), worker_peak_kb=_peak_rss_kb())
        try:
            results.send(result)
        except (BrokenPipeError, OSError):
            return


def main(argv: list[str]) -> None:
    # Ctrl-C reaches the whole process group; the parent decides what happens to the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    serve(Connection(int(argv[0]), writable=False), Connection(int(argv[1]), readable=False))
    # Every output is written and closed and every result sent: tearing down the interpreter's
    # heap would only keep the parent, which waits for this process, waiting longer.
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1:])
