"""Filling the XXXX of dates written without a year: from the caller, or from the plan's own full dates."""
from __future__ import annotations

import re
from collections import Counter

from .scan import Found

_FULL_DATE = re.compile(r"((?:19|20)\d{2}) ?年 ?\d{1,2} ?月 ?\d{1,2} ?[日号]")


def stated_year(text: str, lo: int, hi: int) -> int | None:
    """The year a plan dates itself in: the one its full dates (2022年10月30日) name most often."""
    years = Counter(m.group(1) for m in _FULL_DATE.finditer(text, lo, hi))
    if not years:
        return None
    return int(years.most_common(1)[0][0])


def _fill(value: str | None, year: int) -> str | None:
    if value and "/" in value:
        return "/".join(_fill(part, year) or "" for part in value.split("/"))
    if value and value.startswith("XXXX") and (len(value) == 4 or value[4] == "-") and not value.startswith("XXXX-XX-XXT"):
        return f"{year:04d}{value[4:]}"
    return value


def fill_years(found: list[Found], year: int | None) -> None:
    """Give every date that writes no year `year`; an event-anchored time keeps no value to fill."""
    if year is None:
        return
    for f in found:
        if f.year_offset is not None:
            f.value = str(year + f.year_offset)
            continue
        if f.type not in ("DATE", "TIME") or f.year_written:
            continue
        f.value = _fill(f.value, year)
        f.range_start = _fill(f.range_start, year)
        f.range_end = _fill(f.range_end, year)
