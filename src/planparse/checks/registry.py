"""The check rules: each a small function registered under its stable id.

A rule's severity, rationale and examples live in data/checks.json, beside the word lists the rules
read; the function holds only the logic. A rule yields `Hit`s; `check_plan` turns them into
`Finding`s with the rule's id and the severity the configuration gives it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property

from ..model import Actor, Duty, Plan, Span, TimeExpression
from .lexicon import rule_entries

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Hit:
    """One gap as a rule sees it; the section is the one the span falls in unless given."""

    message: str
    span: Span | None
    refs: tuple[str, ...] = ()
    section: str | None = None


@dataclass
class Context:
    """A plan with the lookups the rules share; `text` is the document's text, or None."""

    plan: Plan
    text: str | None = None
    _offsets: dict[tuple[str, ...], list[int]] = field(default_factory=dict, repr=False)

    @cached_property
    def actors(self) -> dict[str, Actor]:
        return {a.id: a for a in self.plan.actors}

    @cached_property
    def times(self) -> dict[str, TimeExpression]:
        return {t.id: t for t in self.plan.times}

    @cached_property
    def duties_of(self) -> dict[str, list[Duty]]:
        """Actor id → the duties it is given."""
        out: dict[str, list[Duty]] = {}
        for duty in self.plan.duties:
            for assignee in duty.assignees:
                out.setdefault(assignee.actor, []).append(duty)
        return out

    def clause(self, span: Span, marks: Iterable[str]) -> Span:
        """The stretch from the last of `marks` before span to span's end; span itself without text."""
        if self.text is None:
            return span
        # Found among the marks' offsets, not by a search back from the span: a mark the text
        # lacks would be searched for back to the plan's start for every duty.
        offsets = self._mark_offsets(tuple(marks))
        before = bisect_left(offsets, span[0])
        start = offsets[before - 1] + 1 if before else self.plan.span[0]
        return max(start, self.plan.span[0]), span[1]

    def _mark_offsets(self, marks: tuple[str, ...]) -> list[int]:
        if marks not in self._offsets:
            lo, hi = self.plan.span
            pattern = re.compile("|".join(map(re.escape, sorted(marks, key=len, reverse=True))))
            self._offsets[marks] = [m.start() for m in pattern.finditer(self.text or "", lo, hi)]
        return self._offsets[marks]

    def sentence(self, span: Span, marks: Iterable[str]) -> Span:
        """The sentence that holds span, with an owner note in brackets right after it (（责任单位：…）)."""
        if self.text is None:
            return span
        start = self.clause(span, marks)[0]
        offsets = self._mark_offsets(tuple(marks))
        after = bisect_left(offsets, span[1])
        end = offsets[after] if after < len(offsets) else self.plan.span[1]
        if self.text.startswith(("（", "("), end + 1) or self.text.startswith(("（", "("), end):
            close = min((i for m in "）)" if (i := self.text.find(m, end, self.plan.span[1])) >= 0), default=end)
            end = close
        return start, end

    @cached_property
    def _mention_starts(self) -> dict[str, list[int]]:
        return {actor_id: sorted(m[0] for m in actor.mentions) for actor_id, actor in self.actors.items()}

    @cached_property
    def _any_mention_starts(self) -> list[int]:
        return sorted(m[0] for actor in self.plan.actors for m in actor.mentions)

    def named_in(self, actor_id: str, span: Span) -> bool:
        """Whether the actor is named within span."""
        return _starts_within(self._mention_starts.get(actor_id, ()), span)

    def anyone_named_in(self, span: Span) -> bool:
        """Whether any actor of the plan is named within span."""
        return _starts_within(self._any_mention_starts, span)

    def words(self, span: Span) -> str:
        return "" if self.text is None else self.text[span[0]:span[1]]


def _starts_within(starts: Sequence[int], span: Span) -> bool:
    """Whether any of the sorted `starts` falls within span (a bisection, not a scan: the rules ask
    it for every duty)."""
    at = bisect_left(starts, span[0])
    return at < len(starts) and starts[at] < span[1]


Check = Callable[[Context], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """A check with its id, default severity, why it matters, and the example plans that specify it."""

    id: str
    severity: str
    rationale: str
    positive: tuple[str, ...]
    negative: tuple[str, ...]
    check: Check


_CHECKS: dict[str, Check] = {}


def rule(rule_id: str) -> Callable[[Check], Check]:
    """Register a check under its id; data/checks.json must describe that id."""
    def register(check: Check) -> Check:
        _CHECKS[rule_id] = check
        return check
    return register


@cache
def rules() -> dict[str, Rule]:
    """Every rule by id, in the order data/checks.json lists them."""
    # The rule modules register themselves on import.
    from . import deadlines, duties, organisation, phases, reporting, structure  # noqa: F401

    entries = rule_entries()
    missing = set(entries) ^ set(_CHECKS)
    if missing:
        raise RuntimeError(f"check rules without both a function and a data entry: {sorted(missing)}")
    return {rid: Rule(rid, e["severity"], e["rationale"], tuple(e["positive"]),
                      tuple(e["negative"]), _CHECKS[rid]) for rid, e in entries.items()}

