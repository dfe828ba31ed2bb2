"""The word lists of the temporal grammar (data/time_lexicon.json) and the regex fragments made of them."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from ..datafiles import load_json


@cache
def lexicon() -> dict:
    return load_json("time_lexicon.json")


def entries(kind: str) -> list[dict]:
    return lexicon()[kind]


def alternation(words: Iterable[str]) -> str:
    """A regex group of `words`, longest first so that 党的二十大 wins over 二十大."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"


def _words(kind: str) -> list[str]:
    return [e["word"] for e in entries(kind)]


def _guarded(kind: str) -> str:
    """Words some of which must not follow certain characters (现在 is no time in 体现在)."""
    parts = []
    for e in sorted(entries(kind), key=lambda e: -len(e["word"])):
        guard = f"(?<![{re.escape(e['not_after'])}])" if e.get("not_after") else ""
        parts.append(guard + re.escape(e["word"]))
    return "(?:" + "|".join(parts) + ")"


@cache
def fragments() -> dict[str, str]:
    """The lexicon's lists as named regex fragments for the grammar's <<name>> slots."""
    return {
        "festival": alternation(_words("festivals")),
        "event": alternation(_words("events")),
        "eventverb": alternation(_words("event_verbs")),
        "receipt": alternation(_words("receipt_verbs")),
        "partday": alternation(_words("parts_of_day")),
        "recunit": alternation(_words("recurrence_units")),
        "recverb": alternation(_words("recurrence_verbs")),
        "yearpart": alternation(_words("year_parts")),
        "periodend": alternation(_words("period_ends")),
        "periodend_alone": alternation(e["word"] for e in entries("period_ends") if e.get("alone", True)),
        "relative": _guarded("relative"),
        "namedperiod": alternation(_words("named_periods")),
    }


@cache
def table(kind: str) -> dict[str, dict]:
    """The entries of a list by word."""
    return {e["word"]: e for e in entries(kind)}


@cache
def anchor_stops() -> tuple[frozenset[str], re.Pattern[str]]:
    stops = lexicon()["anchor_stops"]
    return frozenset(stops["chars"]), re.compile(alternation(stops["words"]))


@cache
def fragment_words() -> frozenset[str]:
    """Every word that a fragment of `fragments` matches."""
    kinds = ("festivals", "events", "event_verbs", "receipt_verbs", "parts_of_day", "recurrence_units",
             "recurrence_verbs", "year_parts", "period_ends", "relative", "named_periods")
    return frozenset(word for kind in kinds for word in _words(kind))
