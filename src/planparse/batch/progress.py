"""Progress of a batch on stderr: a bar on a terminal, plain log lines otherwise."""
from __future__ import annotations

import sys
import time
from typing import TextIO

from tqdm import tqdm

from .manifest import Entry

_LOG_EVERY_SECONDS = 30.0
_LOG_EVERY_FRACTION = 0.1


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


class Progress:
    """Counts finished inputs; failures are reported one line each as they happen."""

    def __init__(self, total: int, stream: TextIO = sys.stderr, bar: bool | None = None):
        self.total = total
        self.stream = stream
        self.done = 0
        self.failed = 0
        self.started = time.monotonic()
        self._last_log = self.started
        self._next_log_at = 0
        use_bar = stream.isatty() if bar is None else bar
        self._bar = tqdm(total=total, unit="file", file=stream, dynamic_ncols=True,
                         desc="planparse batch") if use_bar else None

    def advance(self, entry: Entry) -> None:
        self.done += 1
        if entry.status == "failed":
            self.failed += 1
            self._say(f"planparse batch: failed {entry.path}: {entry.error_class}: {entry.message}")
        if self._bar is not None:
            self._bar.update(1)
            self._bar.set_postfix(failed=self.failed, refresh=False)
            return
        now = time.monotonic()
        due = self.done >= self._next_log_at or now - self._last_log >= _LOG_EVERY_SECONDS
        if due or self.done == self.total:
            self._log(now)

    def _log(self, now: float) -> None:
        elapsed = now - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        eta = _clock((self.total - self.done) / rate) if rate > 0 else "?"
        self._say(f"planparse batch: {self.done}/{self.total} files, {rate:.1f} files/s, ETA {eta}, "
                  f"{self.failed} failed")
        self._last_log = now
        self._next_log_at = self.done + max(1, int(self.total * _LOG_EVERY_FRACTION))

    def _say(self, line: str) -> None:
        if self._bar is not None:
            self._bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
