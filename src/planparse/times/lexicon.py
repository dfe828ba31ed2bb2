"""The word lists of the temporal grammar (data/time_lexicon.json) and the regex fragments made of them."""
from __future__ import annotations

import re
from functools import cache

from ..datafiles import load_json
from ..wordtrie import word_pattern


@cache
def lexicon() -> dict:
    return load_json("time_lexicon.json")


def entries(kind: str) -> list[dict]:
    return lexicon()[kind]


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
        "festival": word_pattern(_words("festivals")),
        "event": word_pattern(_words("events")),
        "eventverb": word_pattern(_words("event_verbs")),
        "receipt": word_pattern(_words("receipt_verbs")),
        "partday": word_pattern(_words("parts_of_day")),
        "recunit": word_pattern(_words("recurrence_units")),
        "recverb": word_pattern(_words("recurrence_verbs")),
        "yearpart": word_pattern(_words("year_parts")),
        "periodend": word_pattern(_words("period_ends")),
        "periodend_alone": word_pattern(e["word"] for e in entries("period_ends") if e.get("alone", True)),
        "relative": _guarded("relative"),
        "namedperiod": word_pattern(_words("named_periods")),
    }


@cache
def table(kind: str) -> dict[str, dict]:
    """The entries of a list by word."""
    return {e["word"]: e for e in entries(kind)}


@cache
def anchor_stops() -> tuple[frozenset[str], re.Pattern[str]]:
    stops = lexicon()["anchor_stops"]
    return frozenset(stops["chars"]), re.compile(word_pattern(stops["words"]))


@cache
def fragment_words() -> frozenset[str]:
    """Every word that a fragment of `fragments` matches."""
    kinds = ("festivals", "events", "event_verbs", "receipt_verbs", "parts_of_day", "recurrence_units",
             "recurrence_verbs", "year_parts", "period_ends", "relative", "named_periods")
    return frozenset(word for kind in kinds for word in _words(kind))
