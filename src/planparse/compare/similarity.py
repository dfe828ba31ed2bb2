"""One number for a pair of plans.

similarity = weighted mean of three parts, each in [0, 1] (weights in compare.json, now 0.5, 0.3, 0.2):

- text: the share of each side's characters (whitespace aside) inside a reused passage, averaged over
  the two sides;
- sections: twice the summed scores of the aligned section pairs over the number of sections of both
  sides (1 when every section is aligned with a perfect score);
- entities: the mean Jaccard of the matched actors and of the matched duties.

A part that cannot be measured (no section on either side, no actor or duty on either side) is left
out and the weights of the others are scaled up to sum to 1.
"""
from __future__ import annotations

from .config import settings


def coverage(passages_chars: int, side_chars: int) -> float:
    return min(passages_chars / side_chars, 1.0) if side_chars else 0.0


def combine(parts: dict[str, float | None]) -> float:
    weights = settings("similarity")["weights"]
    known = {k: v for k, v in parts.items() if v is not None}
    total = sum(weights[k] for k in known)
    return sum(weights[k] * v for k, v in known.items()) / total if total else 0.0


def mean(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None
