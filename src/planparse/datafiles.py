"""The data files in planparse/data: JSON tables and lists of one entry a line."""
from __future__ import annotations

import json
from functools import cache
from importlib import resources


def _text(name: str) -> str:
    return resources.files("planparse.data").joinpath(name).read_text("utf-8")


@cache
def load_json(name: str) -> dict:
    return json.loads(_text(name))


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """The entries of a list file: its non-blank lines, stripped, less those starting with #."""
    return tuple(s for ln in _text(name).splitlines() if (s := ln.strip()) and not s.startswith("#"))
