"""Times, deadlines and phases, normalised to TIMEX3.

The grammar (data/time_grammar.json, with the word lists of data/time_lexicon.json) is read once
into one regex; `find_times` runs it over a plan, `parse_time` over a single phrase.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Section, Span, TimeExpression
from ..section_index import SectionIndex
from .phases import find_phases
from .scan import Found, scan
from .years import fill_years, stated_year

__all__ = ["find_phases", "find_times", "parse_time"]


def _expression(f: Found, text: str, id_: str, section: str | None) -> TimeExpression:
    return TimeExpression(id=id_, text=text[f.start:f.end], span=(f.start, f.end), type=f.type, value=f.value,
                          start=f.range_start, end=f.range_end, mod=f.mod, anchor=f.anchor, role=f.role,
                          placeholder=f.placeholder, section=section)


def find_times(text: str, span: Span, *, year: int | None, id_prefix: str,
               sections: Sequence[Section] = ()) -> list[TimeExpression]:
    """Every time expression inside `span` of `text`, in order, with ids `{id_prefix}t1`, ...

    A date written without a year takes `year`, or else the year the plan's own full dates name;
    an event-anchored time is never resolved to a date."""
    lo, hi = span
    found = scan(text, lo, hi)
    fill_years(found, year if year is not None else stated_year(text, lo, hi))
    index = SectionIndex(sections)
    return [_expression(f, text, f"{id_prefix}t{n}", index.id_at(f.start)) for n, f in enumerate(found, 1)]


def parse_time(text: str, year: int | None = None) -> TimeExpression | None:
    """The time a phrase states (its longest, the first of equals), or None where it states none.

        >>> parse_time("每日下午5时前").value
        'XXXX-XX-XXT17:00'
    """
    found = scan(text, 0, len(text))
    if not found:
        return None
    fill_years(found, year if year is not None else stated_year(text, 0, len(text)))
    best = max(found, key=lambda f: (f.end - f.start, -f.start))
    return _expression(best, text, "t1", None)
