"""`--engine dask`: the same tasks on a Dask cluster, each still in a killable worker process.

Every thread of a Dask worker keeps one Slot of its own, so the per-file time limit holds on
the cluster too; the input paths must be readable where the Dask workers run.
"""
from __future__ import annotations

import threading
from collections.abc import Generator, Sequence

from .job import Result, Task, failure
from .pool import Slot

_local = threading.local()
_all_slots: list[Slot] = []
_lock = threading.Lock()


def run_bounded(task: Task, limit: float) -> Result:
    """Run one task in this thread's worker process (started on first use)."""
    slot = getattr(_local, "slot", None)
    if slot is None:
        slot = _local.slot = Slot()
        with _lock:
            _all_slots.append(slot)
    return slot.run(task, limit)


def close_slots() -> int:
    """Stop this process's worker processes; returns how many there were."""
    with _lock:
        slots, _all_slots[:] = list(_all_slots), []
    for slot in slots:
        slot.close()
    return len(slots)


def run_dask(tasks: Sequence[Task], jobs: int, limit: float,
             scheduler: str | None = None) -> Generator[Result, None, None]:
    """Yield each task's result as it finishes, on the cluster at `scheduler` or a LocalCluster.

    The LocalCluster runs `jobs` threads in one process: they only wait on their worker processes,
    which do the parsing."""
    from distributed import Client, LocalCluster, as_completed

    cluster = None if scheduler else LocalCluster(
        n_workers=1, threads_per_worker=max(1, jobs), processes=False, dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        futures = {client.submit(run_bounded, task, limit, pure=False): task for task in tasks}
        for future in as_completed(futures):
            task = futures.pop(future)
            try:
                yield future.result()
            except Exception as exc:  # noqa: BLE001 - a lost Dask worker fails its task, not the batch
                yield failure(task, type(exc).__name__, f"the Dask task failed: {exc}", 0.0)
            future.release()
    finally:
        client.run(close_slots)
        client.close()
        if cluster is not None:
            cluster.close()
