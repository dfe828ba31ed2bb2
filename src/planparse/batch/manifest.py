"""The record of a batch: a journal appended as inputs finish, and manifest.csv written from it."""
from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from .atomic import write_atomic

STATUSES = ("ok", "failed", "skipped")


@dataclass(frozen=True)
class Entry:
    """One input's line in the manifest."""

    key: str
    path: str
    sha256: str
    status: str
    error_class: str = ""
    message: str = ""
    seconds: float = 0.0


MANIFEST_COLUMNS = ("path", "sha256", "status", "error_class", "message", "seconds", "output")


def file_sha256(path: Path) -> str:
    """The file's sha256, or "" when it cannot be read (the parse then says why)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as f:
            while chunk := f.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()


class Journal:
    """One JSON line per finished input, flushed at once, so a killed batch loses no finished work.

    A kill can cut the last line short; reading skips such a line, and that input is parsed again."""

    def __init__(self, path: Path):
        self.path = path
        self._file: io.TextIOWrapper | None = None

    def load(self) -> dict[str, Entry]:
        entries: dict[str, Entry] = {}
        if not self.path.is_file():
            return entries
        names = {f.name for f in fields(Entry)}
        for line in self.path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                raw = json.loads(line)
                entry = Entry(**{k: v for k, v in raw.items() if k in names})
            except (ValueError, TypeError):
                continue
            entries[entry.key] = entry
        return entries

    def open(self, fresh: bool) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = self.path.open("w" if fresh else "a", encoding="utf-8")
        # A line cut short by an earlier kill must not swallow the first line appended now.
        if not fresh and self.path.stat().st_size and not self.path.read_bytes().endswith(b"\n"):
            self._file.write("\n")

    def append(self, entry: Entry) -> None:
        assert self._file is not None, "Journal.open() first"
        self._file.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
        self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def write_manifest(path: Path, entries: list[Entry], output_of: dict[str, str]) -> None:
    """manifest.csv: every input once, in input order; `output` is the JSON's path inside OUT."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(MANIFEST_COLUMNS)
    for e in entries:
        output = output_of.get(e.key, "") if e.status != "failed" else ""
        writer.writerow([e.path, e.sha256, e.status, e.error_class, e.message, f"{e.seconds:.3f}", output])
    write_atomic(path, buf.getvalue())
