"""The static HTML report of a batch (`planparse batch --report`, or `write_report(OUT)` on a finished one)."""
from __future__ import annotations

from .build import write_report

__all__ = ["write_report"]
