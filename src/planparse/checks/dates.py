"""The calendar days a TIMEX3 value covers, where the plan states them in full (no XXXX)."""
from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from datetime import date

from ..model import Phase, TimeExpression

Days = tuple[date, date]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12])$")
# First and last month of a quarter or half year.
_PART_MONTHS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12)}


def value_days(value: str | None) -> Days | None:
    """The first and last day of one TIMEX3 date value; None for a value not fully stated."""
    if not value:
        return None
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = value_days(first), value_days(last)
        return (a[0], b[1]) if a and b and a[0] <= b[1] else None
    try:
        if m := _DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        if m := _PART.match(value):
            year, (lo, hi) = int(m[1]), _PART_MONTHS[m[2]]
            return date(year, lo, 1), date(year, hi, calendar.monthrange(year, hi)[1])
    except ValueError:
        return None
    return None


def time_days(time: TimeExpression) -> Days | None:
    """The days a DATE time covers: its range ends where it has them, else its value."""
    if time.type != "DATE" or time.placeholder:
        return None
    if time.start or time.end:
        a, b = value_days(time.start), value_days(time.end)
        return (a[0], b[1]) if a and b and a[0] <= b[1] else None
    return value_days(time.value)


def phase_days(phase: Phase, times: Mapping[str, TimeExpression]) -> Days | None:
    """The days a phase runs: from the first day of its start time to the last of its end time,
    either standing for both where the plan gives one."""
    first = times.get(phase.start or phase.end or "")
    last = times.get(phase.end or phase.start or "")
    a = time_days(first) if first else None
    b = time_days(last) if last else None
    return (a[0], b[1]) if a and b and a[0] <= b[1] else None
