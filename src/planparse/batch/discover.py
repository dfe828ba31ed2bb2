"""Which files a batch parses, and the name each one's outputs get."""
from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import PlanParseError
from ..read.sniff import EXTENSIONS, sniff_format

_HEAD_BYTES = 4096
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Input:
    """A file to parse; `key` is its path relative to the folder it was found in (`/`-separated)."""

    key: str
    path: Path


def is_plan_file(path: Path) -> bool:
    """A known plan extension, or, whatever the extension says, a Word, PDF or HTML document inside."""
    if path.suffix.lower() in EXTENSIONS:
        return True
    try:
        with path.open("rb") as f:
            head = f.read(_HEAD_BYTES)
        # Only a zip's directory tells a .docx from other archives.
        data = path.read_bytes() if head.startswith(_ZIP_MAGIC) else head
        # Every text sniffs as txt, so only a format the bytes prove counts.
        return sniff_format(data, path) != "txt"
    except (OSError, PlanParseError):
        return False


def _walk(root: Path, exclude: Path | None) -> Iterable[Path]:
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        # Hidden folders hold tool state, not plans; the output folder holds our own JSON.
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (exclude is None or
                                                                        (here / d).resolve() != exclude))
        for name in sorted(files):
            if not name.startswith(".") and is_plan_file(here / name):
                yield here / name


def discover(paths: Sequence[str | Path], exclude: Path | None = None) -> list[Input]:
    """Every plan file under the folders (recursively) and every file named, each once, in order.

    A named path that does not exist is kept, so that it fails in the manifest like any bad input."""
    exclude = exclude.resolve() if exclude is not None else None
    found: list[tuple[Path, Input]] = []
    seen: set[Path] = set()
    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            pairs = [(p, Input(f.relative_to(p).as_posix(), f)) for f in _walk(p, exclude)]
        else:
            pairs = [(p.parent, Input(p.name, p))]
        for root, item in pairs:
            real = item.path.resolve()
            if real not in seen:
                seen.add(real)
                found.append((root, item))
    return _distinct_keys(found)


def _distinct_keys(found: list[tuple[Path, Input]]) -> list[Input]:
    # Files of the same relative name under different folders go under a folder named after
    # their root, so each keeps its own outputs; the others keep NAME -> NAME.json.
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, (_, item) in enumerate(found):
        by_key[item.key].append(i)
    out = [item for _, item in found]
    for indices in by_key.values():
        if len(indices) < 2:
            continue
        for i in indices:
            root, item = found[i]
            tag = hashlib.sha1(str(root.resolve()).encode("utf-8")).hexdigest()[:8]
            out[i] = Input(f"{root.resolve().name or 'root'}-{tag}/{item.key}", item.path)
    return out
