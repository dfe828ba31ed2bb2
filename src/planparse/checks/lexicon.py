"""The word lists the check rules read: their own in data/checks.json, and those the actor and duty
finders already hold, reused from actors.json and duty_lexicon.json rather than copied."""
from __future__ import annotations

import re
from functools import cache

from ..datafiles import load_json
from ..wordtrie import word_pattern


def _own() -> dict:
    return load_json("checks.json")


def rule_entries() -> dict[str, dict]:
    return _own()["rules"]


def own_list(name: str, key: str) -> list[str]:
    return _own()[name][key]


@cache
def words(name: str) -> tuple[str, ...]:
    """A word list of checks.json, longest first so that an alternation prefers the longer word."""
    return tuple(sorted(_own()[name]["words"], key=len, reverse=True))


@cache
def placeholder_pattern() -> re.Pattern[str]:
    return re.compile("|".join(_own()["placeholders"]["patterns"]))


@cache
def placeholder_not_after() -> tuple[str, ...]:
    # A number left blank after 电话 is usually withheld from the published copy, not forgotten;
    # the actor finder already skips the same words for person blanks.
    return tuple(load_json("actors.json")["placeholder_person"]["not_after"])


@cache
def doer_phrase() -> re.Pattern[str]:
    return re.compile(_own()["doer_phrases"]["pattern"])


@cache
def setup_verbs() -> tuple[str, ...]:
    return tuple(load_json("duty_lexicon.json")["setup_verbs"]["words"]) + words("office_setup")


@cache
def collective() -> re.Pattern[str]:
    """An unspecific collective (各有关部门, 相关单位): as a whole name it is a vague doer; right
    after a name (国务院相关部门) the name says whose, not who."""
    cfg = _own()["vague_collectives"]
    return re.compile(f"(?:{word_pattern(cfg['prefixes'])})(?:{word_pattern(cfg['heads'])})")


@cache
def consulting() -> re.Pattern[str]:
    """A body's name followed by a word by which it leads the bodies after it (环境保护部商外交部)."""
    cfg = _own()["co_lead"]["after_body"]
    suffixes = [e["suffix"] for e in load_json("actors.json")["body_suffixes"]]
    not_before = re.escape("".join(cfg["not_before"]))
    return re.compile(f"(?:{word_pattern(suffixes)})(?:{word_pattern(cfg['words'])})(?![{not_before}])")


@cache
def led_by() -> re.Pattern[str]:
    return re.compile("|".join(_own()["led_by"]["patterns"]))


@cache
def lead_conventions() -> tuple[str, ...]:
    return tuple(load_json("duty_lexicon.json")["markers"]["lead_conventions"])


@cache
def directing_modals() -> tuple[str, ...]:
    modals = load_json("duty_lexicon.json")["modals"]["words"]
    return tuple(sorted((w for w, kind in modals.items() if kind in ("must", "should")), key=len, reverse=True))


@cache
def clause_openers() -> tuple[str, ...]:
    """Words that may stand before a modal with no doer: connectives (并, 同时) and topic openers (对…)."""
    lex = load_json("duty_lexicon.json")
    return tuple(lex["clause_openers"]["words"]) + words("modal_adverbs")


@cache
def topic_openers() -> tuple[str, ...]:
    return tuple(load_json("duty_lexicon.json")["topics"]["openers"]) + words("framing_openers")


@cache
def lead_words() -> tuple[str, ...]:
    return tuple(load_json("duty_lexicon.json")["roles"]["lead"])


@cache
def audiences() -> tuple[str, ...]:
    return tuple(load_json("actors.json")["collectives"]["audiences"])


@cache
def support_words() -> tuple[str, ...]:
    return tuple(load_json("duty_lexicon.json")["roles"]["support"])


@cache
def body_suffixes() -> tuple[str, ...]:
    return tuple(e["suffix"] for e in load_json("actors.json")["body_suffixes"] if not e.get("single"))
