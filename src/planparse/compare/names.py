"""Normalised names: the form in which two plans' actors, duties and headings are compared."""
from __future__ import annotations

import re
import unicodedata
from functools import cache

from .config import settings

_NOT_WORD = re.compile(r"[\W_]+")


def plain(text: str) -> str:
    """NFKC, without spaces, punctuation or brackets: `（一）加强领导。` and `(一) 加强领导` read alike."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text))


def _longest_first(words: list[str]) -> tuple[str, ...]:
    # So that 各有关 is taken off before 各, and XX县 before 县.
    return tuple(sorted((plain(w) for w in words), key=len, reverse=True))


@cache
def _rules() -> tuple[tuple[str, ...], tuple[str, ...], int, int, re.Pattern[str]]:
    rules = settings("names")
    return (_longest_first(rules["distributive_prefixes"]), _longest_first(rules["level_prefixes"]),
            rules["min_rest"]["distributive"], rules["min_rest"]["level"], re.compile(rules["placeholder"]))


def actor_key(name: str) -> str:
    """The comparable form of an actor's name; empty for a placeholder (XXX, 某某) that names nobody."""
    distributive, level, min_distributive, min_level, placeholder = _rules()
    key = plain(name)
    changed = True
    while changed:
        changed = False
        for prefixes, min_rest in ((distributive, min_distributive), (level, min_level)):
            for prefix in prefixes:
                if key.startswith(prefix) and len(key) - len(prefix) >= min_rest:
                    key, changed = key[len(prefix):], True
                    break
    return "" if placeholder.match(key) else key
