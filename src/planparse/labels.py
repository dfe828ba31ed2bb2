"""Section labels: the numbering schemes of headings (data/numbering.json) and the matcher
that every stage uses to tell a label from other text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .datafiles import load_json
from .numerals import parse_ordinal


def numbering_config() -> dict:
    return load_json("numbering.json")


@dataclass(frozen=True)
class Scheme:
    id: str
    family: str
    shape: str
    numeral: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]


@cache
def schemes() -> tuple[Scheme, ...]:
    return tuple(Scheme(s["id"], s["family"], s["shape"], s["numeral"], re.compile(s["pattern"]),
                        tuple(s["examples"]), tuple(s["counter_examples"]))
                 for s in numbering_config()["schemes"])


_GROUP_NAME = re.compile(r"\(\?P<\w+>")


@cache
def _any_scheme() -> re.Pattern[str]:
    """Every scheme's pattern in one alternation, scheme i as group s{i}. Most places that are
    asked about start no label at all, and one match of this tells so where trying each scheme
    in turn would take a match per scheme; where it matches, its group is the first scheme to
    try."""
    return re.compile("|".join(f"(?P<s{i}>{_GROUP_NAME.sub('(?:', sc.pattern.pattern)})"
                               for i, sc in enumerate(schemes())))


@cache
def _follow() -> re.Pattern[str]:
    return re.compile(numbering_config()["heading_follow"])


@dataclass(frozen=True)
class Label:
    """A numbering label found at a position: which scheme, its text, its ordinal."""

    scheme: str
    family: str
    shape: str
    text: str
    number: int
    start: int
    end: int


def match_label(text: str, pos: int = 0, trusted: bool = False) -> Label | None:
    """The label that starts at `pos`, if a heading's text follows it. A `trusted` label (one
    that Word's auto-numbering drew) needs no check of what follows."""
    first = _any_scheme().match(text, pos)
    if first is None:
        return None
    for sc in schemes()[int(first.lastgroup[1:]):]:
        m = sc.pattern.match(text, pos)
        if not m or m.end() >= len(text) or not (trusted or _follow().match(text, m.end())):
            continue
        num_text = m.group("num")
        number = parse_ordinal(num_text, sc.numeral)
        if number is None:
            continue
        scheme_id = sc.id
        if sc.numeral == "outline":
            scheme_id = f"outline{num_text.replace('．', '.').count('.') + 1}"
        return Label(scheme_id, sc.family, sc.shape, m.group().strip(), number, m.start(), m.end())
    return None
