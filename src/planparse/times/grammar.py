"""The temporal grammar (data/time_grammar.json): its rules joined into one scanning regex."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..datafiles import load_json
from .lexicon import fragment_words
from .lexicon import fragments as lexicon_fragments
from .prefilter import WORD, lead_pattern

_SLOT = re.compile(r"<<(\w+)>>")


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]


@cache
def grammar() -> dict:
    return load_json("time_grammar.json")


@cache
def _slots() -> dict[str, str]:
    return {**lexicon_fragments(), **grammar()["fragments"]}


def expand(pattern: str, slots: dict[str, str] | None = None) -> str:
    """`pattern` with every <<name>> replaced by its fragment, fragments within fragments too."""
    slots = slots or _slots()
    for _ in range(10):
        if "<<" not in pattern:
            return pattern
        pattern = _SLOT.sub(lambda m: slots[m.group(1)], pattern)
    raise ValueError(f"fragments nest too deep in {pattern[:60]}")


@cache
def rules() -> tuple[Rule, ...]:
    return tuple(Rule(r["name"], expand(r["pattern"]), tuple(r.get("examples", ())),
                      tuple(r.get("counter_examples", ()))) for r in grammar()["rules"])


@cache
def scanner() -> re.Pattern[str]:
    """All rules as one alternation, a named group per rule, so one pass finds every candidate,
    behind a lookahead that passes over positions where no rule can match (see `prefilter`)."""
    return re.compile(lead() + "(?:" + "|".join(f"(?P<{r.name}>{r.pattern})" for r in rules()) + ")")


@cache
def lead() -> str:
    """The scanner's lookahead, worked out from the rules with each lexicon slot standing for
    a word from the lexicon."""
    as_words = {**{name: WORD for name in lexicon_fragments()}, **grammar()["fragments"]}
    return lead_pattern((expand(r["pattern"], as_words) for r in grammar()["rules"]), fragment_words())


@cache
def fragment(name: str) -> re.Pattern[str]:
    return re.compile(expand(f"<<{name}>>"))
