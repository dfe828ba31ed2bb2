"""Every row of data/time_examples.tsv: the phrase, the time planparse.parse_time must find in it, its TIMEX3."""
from __future__ import annotations

import pytest

from planparse import parse_time
from planparse.datafiles import load_lines

_FIELDS = ("type", "value", "start", "end", "mod", "anchor")


def _rows() -> list[dict[str, str]]:
    lines = load_lines("time_examples.tsv")
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"), strict=True)) for ln in lines[1:]]


ROWS = _rows()


def test_the_table_is_large_and_mostly_from_real_plans():
    assert len(ROWS) >= 300
    assert sum(r["type"] == "none" for r in ROWS) >= 50
    assert sum(r["source"] != "constructed" for r in ROWS) > len(ROWS) / 2


@pytest.mark.parametrize("row", ROWS, ids=[f"{n}:{r['text'][:16]}" for n, r in enumerate(ROWS, 1)])
def test_example(row):
    year = int(row["year"]) if row["year"] else None
    got = parse_time(row["text"], year)
    if row["type"] == "none":
        assert got is None, f"{row['text']!r} gave {got}"
        return
    assert got is not None, row["text"]
    assert got.text == (row["expect"] or row["text"])
    want = {k: row[k] or None for k in _FIELDS}
    have = {k: getattr(got, k) for k in _FIELDS}
    assert have == want
