"""The colours and words of the pictures and the report, from data/display.json."""
from __future__ import annotations

from typing import Any

from ..datafiles import load_json


def settings(part: str) -> Any:
    return load_json("display.json")[part]


def actor_colour(kind: str) -> str:
    entry = settings("actor_kinds").get(kind)
    return entry["colour"] if entry else settings("other_kind_colour")


def edge_colour(edge_type: str) -> str:
    entry = settings("edge_types").get(edge_type)
    return entry["colour"] if entry else settings("other_edge_colour")
