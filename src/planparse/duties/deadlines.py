"""Which of a clause's times bounds it: deadlines, range ends, report clock times, dates of one-off acts."""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..model import TimeExpression

# `2小时内` bounds an act, `短期内` does not.
_COUNTED = re.compile(r"[\d一二两三四五六七八九十百]")
# Words before a time at the front of a clause that keep it a time by which the act is done.
_FRONT = "于在到至截至从"


def bounds(t: TimeExpression) -> bool:
    """A time that bounds when something must be done, wherever it stands in the clause."""
    if t.role in ("deadline", "range") or t.mod in ("BEFORE", "ON_OR_BEFORE"):
        return True
    if t.text.endswith("内") and _COUNTED.search(t.text):
        return True
    return t.type == "SET" and bool(t.value) and "T" in (t.value or "")


def dated(t: TimeExpression) -> bool:
    """A date that bounds an act when it stands at the front of the clause (`2021年完成…`, `于9月1日发放`)."""
    return t.type in ("DATE", "TIME") and t.role not in ("period", "start", "frequency")


class TimeIndex:
    def __init__(self, times: Sequence[TimeExpression]):
        self.times = sorted(times, key=lambda t: t.span[0])
        self._starts = [t.span[0] for t in self.times]
        self.by_start = {t.span[0]: t for t in self.times}

    def within(self, start: int, end: int) -> list[TimeExpression]:
        i = bisect.bisect_left(self._starts, start)
        j = bisect.bisect_left(self._starts, end, i)
        return [t for t in self.times[i:j] if t.span[1] <= end] if i < j else []


def deadline_of(index: TimeIndex, text: str, front: int, start: int, end: int) -> TimeExpression | None:
    """The deadline of the clause text[start:end] whose action starts at `front`."""
    found = index.within(start, end)
    for t in found:
        if bounds(t):
            return t
    for t in found:
        before = text[front:t.span[0]].strip()
        if dated(t) and (not before or (len(before) == 1 and before in _FRONT)):
            return t
    return None
