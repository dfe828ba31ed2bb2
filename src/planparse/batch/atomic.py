"""Writes that a kill cannot leave half done: a temporary file beside the target, then os.replace."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

TEMP_SUFFIX = ".planparse-tmp"


def write_atomic(path: Path, content: str | bytes) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    write_atomic_with(path, lambda f: f.write(data))


def write_atomic_with(path: Path, fill: Callable[[IO[bytes]], object]) -> None:
    """Call `fill` on a temporary binary file, then move it onto `path` in one step."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as f:
            fill(f)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_stale_temps(folder: Path) -> int:
    """Delete the temporary files a killed batch left in `folder`; returns how many."""
    count = 0
    for tmp in folder.rglob(f".*{TEMP_SUFFIX}"):
        tmp.unlink(missing_ok=True)
        count += 1
    return count
