"""The thresholds, weights and word lists of plan comparison (planparse/data/compare.json)."""
from __future__ import annotations

from typing import Any

from ..datafiles import load_json


def settings(part: str) -> dict[str, Any]:
    """One part of compare.json: names, align, reuse, entities, similarity or families."""
    return load_json("compare.json")[part]
