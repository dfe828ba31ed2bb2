"""Worker processes that can be killed and replaced: the only way to stop a parse that overruns.

A Slot is one worker process fed one task at a time through a pipe; a LocalPool keeps N slots
busy and enforces the time limit. Workers are fresh interpreters (not forks), so they can be
started from any thread, including a Dask worker's.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import deque
from collections.abc import Generator, Iterable
from multiprocessing.connection import Connection, wait

from .job import READY, Result, Task, failure

_STARTUP_LIMIT = 120.0


class WorkerDied(Exception):
    """The worker process ended without answering."""


class Slot:
    """One worker process; `task` is what it is running, `started` when it began."""

    def __init__(self) -> None:
        self.task: Task | None = None
        self.started = 0.0
        self.ready = False
        self._start()

    def _start(self) -> None:
        task_r, task_w = os.pipe()
        result_r, result_w = os.pipe()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "planparse.batch.worker", str(task_r), str(result_w)],
            pass_fds=(task_r, result_w), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        os.close(task_r)
        os.close(result_w)
        self.tasks = Connection(task_w, readable=False)
        self.results = Connection(result_r, writable=False)
        self.ready = False

    def mark_ready(self) -> None:
        """Take the worker's first message, which says its imports are done."""
        try:
            message = self.results.recv()
        except (EOFError, OSError) as exc:
            raise WorkerDied(f"worker exited at start-up with status {self.process.wait()}") from exc
        if message != READY:
            raise WorkerDied(f"unexpected first message from the worker: {message!r}")
        self.ready = True

    def wait_ready(self, limit: float = _STARTUP_LIMIT) -> None:
        if not self.ready:
            if not self.results.poll(limit):
                raise WorkerDied(f"worker not ready after {limit:.0f} s")
            self.mark_ready()

    def submit(self, task: Task) -> None:
        self.tasks.send(task)
        self.task = task
        self.started = time.monotonic()

    def receive(self) -> Result:
        """The running task's result; a worker that died instead is replaced."""
        task, elapsed = self._finish()
        try:
            return self.results.recv()
        except (EOFError, OSError):
            code = self.process.wait()
            self.restart()
            return failure(task, "WorkerCrashedError",
                           f"the worker process died while parsing (exit status {code})", elapsed)

    def time_out(self, limit: float) -> Result:
        """Kill the worker running an overdue task and start a new one."""
        task, elapsed = self._finish()
        self.restart()
        return failure(task, "ParseTimeoutError", f"parsing took over the limit of {limit:g} s", elapsed)

    def run(self, task: Task, limit: float) -> Result:
        """Run one task to its end or its time limit, whichever comes first."""
        self.wait_ready()
        self.submit(task)
        if self.results.poll(limit):
            return self.receive()
        return self.time_out(limit)

    def _finish(self) -> tuple[Task, float]:
        assert self.task is not None, "no task running"
        task, elapsed = self.task, time.monotonic() - self.started
        self.task = None
        return task, elapsed

    def restart(self) -> None:
        self._stop(kill=True)
        self._start()

    def close(self) -> None:
        self._stop(kill=self.task is not None)

    def _stop(self, kill: bool) -> None:
        self.stop(kill)
        self.reap()

    def stop(self, kill: bool) -> None:
        """Tell the worker to exit (or kill it), without waiting for it to be gone."""
        if kill:
            self.process.kill()
        else:
            try:
                self.tasks.send(None)
            except OSError:
                self.process.kill()
        self.tasks.close()
        self.results.close()

    def reap(self) -> None:
        # An idle worker exits at once on the stop message or the closed pipe; a killed one too.
        self.process.wait()


class LocalPool:
    """`jobs` worker processes, started at once so that their start-up overlaps the caller's own work."""

    def __init__(self, jobs: int):
        self.slots = [Slot() for _ in range(max(1, jobs))]

    def run(self, tasks: Iterable[Task], limit: float) -> Generator[Result, None, None]:
        """Yield each task's result as it finishes (not in task order), then stop the workers."""
        pending = deque(tasks)
        slots = self.slots
        try:
            while pending or any(s.task for s in slots):
                for slot in slots:
                    if slot.ready and slot.task is None and pending:
                        slot.submit(pending.popleft())
                busy = [s for s in slots if s.task is not None]
                waiting = [s for s in slots if s.task is not None or not s.ready]
                deadline = min((s.started + limit for s in busy), default=time.monotonic() + limit)
                ready = set(wait([s.results for s in waiting], timeout=max(0.0, deadline - time.monotonic())))
                for slot in waiting:
                    if slot.results in ready:
                        if slot.ready:
                            result = slot.receive()
                            # The next task goes out before the caller takes this result, so the
                            # worker does not wait while the result is written down.
                            if slot.ready and pending:
                                slot.submit(pending.popleft())
                            yield result
                        else:
                            slot.mark_ready()
                    elif slot.task is not None and time.monotonic() - slot.started >= limit:
                        yield slot.time_out(limit)
        finally:
            self.close()

    def shrink(self, jobs: int) -> None:
        """Stop the workers beyond `jobs` (fewer tasks than workers), keeping at least one."""
        for slot in self.slots[max(1, jobs):]:
            slot.close()
        del self.slots[max(1, jobs):]

    def close(self) -> None:
        # All are told first, so that they exit side by side.
        for slot in self.slots:
            slot.stop(kill=slot.task is not None)
        for slot in self.slots:
            slot.reap()
        self.slots = []
