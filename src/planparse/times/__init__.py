"""Times, deadlines and phases, normalised to TIMEX3."""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Phase, Section, Span, TimeExpression


def find_times(text: str, span: Span, *, year: int | None, id_prefix: str,
               sections: Sequence[Section] = ()) -> list[TimeExpression]:
    """Every time expression inside `span` of `text`, in order, with ids `{id_prefix}t1`, ..."""
    return []


def find_phases(text: str, span: Span, *, times: Sequence[TimeExpression], id_prefix: str,
                sections: Sequence[Section] = ()) -> list[Phase]:
    """The stages of the plan inside `span`, in the order written, with ids `{id_prefix}ph1`, ..."""
    return []
