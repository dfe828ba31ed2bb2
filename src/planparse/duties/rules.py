"""The not-duty rules of the lexicon compiled for a clause to be tried against all of them cheaply.

Most clauses match no rule, so what a clause costs is the cost of failing every rule. Three things
keep that low, none of which changes which rule matches:

* rules anchored at the start, at the end and neither are kept apart, as Python's engine tries a
  mixed alternation in full at every position;
* the rules of a kind are alternated flat, each followed by an empty marker group that tells which
  matched, and their plain groups are made non-capturing: the engine can then reject a rule by its
  first character instead of entering a group to try it;
* where the rules of a kind all tell by what character a match must start (or end, before `$`), a
  clause without such a character is not tried against them at all.
"""
from __future__ import annotations

import re

# How far before its end an end-anchored rule is looked for: none spans more.
END_REACH = 24

# A numbered backreference counts groups: a rule with one keeps its own groups.
_BACKREF = re.compile(r"\\\d|\(\?P=")
# A rule's pieces, where a "(" or "|" inside an escape or a character class is no group or choice.
_PIECE = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|\(\?|.", re.DOTALL)
# Inline flags (?i) and the like change what a character matches.
_FLAGS = re.compile(r"\(\?[aiLmsux-]+[):]")
_PLAIN = r"[^\\()\[\]{}|.*+?^$]"
_WORDS = rf"\((?:\?:)?({_PLAIN}+(?:\|{_PLAIN}+)*)\)"
# A rule's first piece: one plain character or a group of plain words, not optional.
_HEAD = re.compile(rf"(?:({_PLAIN})|{_WORDS})(?![*?{{])")
# A rule's last piece before its closing `$`.
_TAIL = re.compile(rf"(?:(?<!\\)({_PLAIN})|{_WORDS})\$$")


def kind(rule: str) -> str:
    return "start" if rule.startswith("^") else "end" if rule.endswith("$") else "free"


def _uncaptured(rule: str) -> str:
    """`rule` with its plain groups `(…)` made non-capturing `(?:…)`, which match the same."""
    if _BACKREF.search(rule):
        return rule
    return "".join("(?:" if piece == "(" else piece for piece in _PIECE.findall(rule))


def _one_choice(rule: str) -> bool:
    """`rule` has no `|` outside its groups: its first and last pieces are those of every match."""
    depth = 0
    for piece in _PIECE.findall(rule):
        if piece in ("(", "(?"):
            depth += 1
        elif piece == ")":
            depth -= 1
        elif piece == "|" and depth == 0:
            return False
    return True


def _edge(rule: str, found: re.Match[str] | None, last: bool) -> frozenset[str] | None:
    """The characters that open (or close, `last`) every match of `rule`, from its first (or last)
    piece; None where that piece does not tell."""
    if found is None or not _one_choice(rule) or _FLAGS.search(rule):
        return None
    if found.group(1):
        return frozenset(found.group(1))
    return frozenset(w[-1] if last else w[0] for w in found.group(2).split("|"))


def heads(rule: str) -> frozenset[str] | None:
    return _edge(rule, _HEAD.match(rule), last=False)


def tails(rule: str) -> frozenset[str] | None:
    return _edge(rule, _TAIL.search(rule), last=True)


def _union(parts: list[frozenset[str] | None]) -> frozenset[str] | None:
    return None if any(p is None for p in parts) else frozenset().union(*parts)


def _alternation(rules: list[tuple[int, str]], anchored: bool) -> re.Pattern[str] | None:
    """The rules in one pattern, each followed by its marker group `r<rank>`."""
    if not rules:
        return None
    parts = [f"(?:{_uncaptured(r[1:] if anchored else r)})(?P<r{i}>)" for i, r in rules]
    return re.compile(("^(?:" if anchored else "(?:") + "|".join(parts) + ")")


class NotDutyRules:
    """The rules of many groups (framing, conditions…); `group_of` names the group of the first rule,
    in the order listed, that a clause matches: at its start, else at its end, else anywhere."""

    def __init__(self, groups: dict[str, list[str]]):
        listed = [(name, rule) for name, rules in groups.items() for rule in rules]
        self._group = {f"r{i}": name for i, (name, _) in enumerate(listed)}
        ranked = [(i, rule) for i, (_, rule) in enumerate(listed)]
        starts = [(i, r) for i, r in ranked if kind(r) == "start"]
        # Start rules that end in `$` are tried only on clauses that end as one of them can.
        tailed = [(i, r) for i, r in starts if tails(r) is not None]
        self._start = _alternation([x for x in starts if x not in tailed], anchored=True)
        self._start_tailed = _alternation(tailed, anchored=True)
        self._start_tails = _union([tails(r) for _, r in tailed]) or frozenset()
        ends = [(i, r) for i, r in ranked if kind(r) == "end"]
        self._end = _alternation(ends, anchored=False)
        self._end_tails = _union([tails(r) for _, r in ends])
        frees = [(i, r) for i, r in ranked if kind(r) == "free"]
        self._free = _alternation(frees, anchored=False)
        free_heads = _union([heads(r) for _, r in frees])
        self._free_heads = re.compile("[" + "".join(map(re.escape, sorted(free_heads))) + "]") \
            if free_heads else None

    def group_of(self, core: str) -> str | None:
        last = core[-1:]
        # `$` also matches before a closing line break: such a clause is tried against every rule.
        open_end = core.endswith("\n")
        m = self._start.match(core) if self._start else None
        if self._start_tailed and (open_end or last in self._start_tails):
            tailed = self._start_tailed.match(core)
            if tailed and (m is None or _rank(tailed) < _rank(m)):
                m = tailed
        if m is None and self._end and (self._end_tails is None or open_end or last in self._end_tails):
            m = self._end.search(core, max(0, len(core) - END_REACH))
        if m is None and self._free and (self._free_heads is None or self._free_heads.search(core)):
            m = self._free.search(core)
        return self._group[m.lastgroup] if m and m.lastgroup else None


def _rank(m: re.Match[str]) -> int:
    """Where the rule a match of a marked alternation stands in the listed rules."""
    return int((m.lastgroup or "r0")[1:])
