"""Comparing plans: two plans side by side (`compare`), and families of look-alike plans in a corpus
(`Corpus`). docs/compare.md describes the results.

rapidfuzz, scipy and datasketch take seconds to import; they are loaded when first used, not with
`import planparse`."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .corpus import Corpus
from .sides import Input, PlanNotFound

if TYPE_CHECKING:
    from .families import Family
    from .pair import Comparison

__all__ = ["Comparison", "Corpus", "Family", "PlanNotFound", "compare"]


def compare(a: Input, b: Input) -> Comparison:
    """Compare two plans (planparse.compare.pair.compare): each a path (`FILE#N` for the N-th plan of a
    compilation), a Document, or (Document, plan or plan number)."""
    from .pair import compare as compare_pair

    return compare_pair(a, b)


def __getattr__(name: str) -> Any:
    if name == "Comparison":
        from .pair import Comparison

        return Comparison
    if name == "Family":
        from .families import Family

        return Family
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
