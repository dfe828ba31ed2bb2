"""Passages both texts hold: hashed character n-gram seeds, extended to maximal exact runs, then chained
across small edits (a local alignment along near diagonals). Chinese has no spaces to split words on,
so the unit is the character; whitespace is left out so that re-wrapped lines still match."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from .config import settings
from .names import plain

Span = tuple[int, int]
_BLOCK = 64
# A passage may end on these: a sentence or a quotation ends there.
_CLOSING = "。！？”」》）)"
_FILLER = re.compile(r"[\dXxＸ×某]")


@dataclass(frozen=True)
class Passage:
    """A passage of A found again in B; `identity` is the share of it copied word for word."""

    a: Span
    b: Span
    chars: int
    identity: float
    text: str

    def to_dict(self) -> dict:
        return {"a": list(self.a), "b": list(self.b), "chars": self.chars, "identity": round(self.identity, 3),
                "text": self.text}


@dataclass
class _Chain:
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    same: int


def shared_passages(a_text: str, a_span: Span, b_text: str, b_span: Span) -> list[Passage]:
    """Maximal passages shared by both texts within their spans, longest first, none overlapping another
    on either side; passages under the length threshold or made of boilerplate are left out."""
    cfg = settings("reuse")
    ka, oa = _keyed(a_text, a_span)
    kb, ob = _keyed(b_text, b_span)
    chains = _chain(_exact_runs(ka, kb, cfg["seed_chars"], cfg["max_occurrences"]), cfg["max_gap"])
    taken_a: list[Span] = []
    taken_b: list[Span] = []
    out = []
    for c in sorted((_trimmed(c, ka) for c in chains), key=lambda c: (-(c.a_end - c.a_start), c.a_start)):
        if c.same < cfg["min_chars"] or _is_boilerplate(ka[c.a_start:c.a_end], cfg["min_chars"]):
            continue
        if _overlaps(taken_a, c.a_start, c.a_end) or _overlaps(taken_b, c.b_start, c.b_end):
            continue
        _insert(taken_a, c.a_start, c.a_end)
        _insert(taken_b, c.b_start, c.b_end)
        a = (oa[c.a_start], oa[c.a_end - 1] + 1)
        b = (ob[c.b_start], ob[c.b_end - 1] + 1)
        out.append(Passage(a, b, c.a_end - c.a_start, c.same / max(c.a_end - c.a_start, c.b_end - c.b_start),
                           a_text[a[0]:a[1]]))
    return out


def _trimmed(c: _Chain, ka: str) -> _Chain:
    """Without the punctuation at its ends. A chain starts and ends on an exact run, so both sides move alike."""
    lo, hi = c.a_start, c.a_end
    while lo < hi and not ka[lo].isalnum():
        lo += 1
    while hi > lo and not ka[hi - 1].isalnum() and ka[hi - 1] not in _CLOSING:
        hi -= 1
    return _Chain(lo, hi, c.b_start + lo - c.a_start, c.b_end - (c.a_end - hi), c.same - (lo - c.a_start) - (c.a_end - hi))


def _keyed(text: str, span: Span) -> tuple[str, list[int]]:
    """The span's text without whitespace, and the offset in `text` of each character kept."""
    offsets = [i for i in range(span[0], span[1]) if not text[i].isspace()]
    return "".join(text[i] for i in offsets), offsets


def _exact_runs(ka: str, kb: str, k: int, max_occurrences: int) -> list[tuple[int, int, int]]:
    """(start in A, start in B, length) of every maximal exact run that holds a k-character seed."""
    index: dict[str, list[int]] = defaultdict(list)
    for j in range(len(kb) - k + 1):
        index[kb[j:j + k]].append(j)
    runs = []
    reach: dict[int, int] = {}  # diagonal (j - i) -> where in A the last run on it ended
    for i in range(len(ka) - k + 1):
        starts = index.get(ka[i:i + k])
        if not starts or len(starts) > max_occurrences:
            continue
        for j in starts:
            if reach.get(j - i, -1) > i:
                continue
            n = _extend(ka, kb, i, j, k)
            reach[j - i] = i + n
            runs.append((i, j, n))
    return runs


def _extend(ka: str, kb: str, i: int, j: int, n: int) -> int:
    # Whole blocks first: slicing compares in C, a character loop would dominate for long copies.
    while ka[i + n:i + n + _BLOCK] == kb[j + n:j + n + _BLOCK] and i + n + _BLOCK <= len(ka) \
            and j + n + _BLOCK <= len(kb):
        n += _BLOCK
    while i + n < len(ka) and j + n < len(kb) and ka[i + n] == kb[j + n]:
        n += 1
    return n


def _chain(runs: list[tuple[int, int, int]], max_gap: int) -> list[_Chain]:
    """Joins runs that follow each other within max_gap characters on both sides: an edit between them."""
    chains: list[_Chain] = []
    ending: dict[int, list[_Chain]] = defaultdict(list)  # end in A -> chains ending there
    for i, j, n in sorted(runs):
        best = None
        for end in range(i - max_gap, i + 1):
            for c in ending.get(end, ()):
                if 0 <= j - c.b_end <= max_gap and (best is None or c.same > best.same):
                    best = c
        if best is None:
            best = _Chain(i, i, j, j, 0)
            chains.append(best)
        else:
            ending[best.a_end].remove(best)
        best.a_end, best.b_end, best.same = i + n, j + n, best.same + n
        ending[best.a_end].append(best)
    return chains


@cache
def _boilerplate() -> tuple[str, ...]:
    return tuple(plain(p) for p in settings("reuse")["boilerplate"])


def _is_boilerplate(key: str, min_chars: int) -> bool:
    """Only punctuation, digits and placeholders, or stock phrases, once those are taken out."""
    rest = _FILLER.sub("", plain(key))
    for phrase in _boilerplate():
        rest = rest.replace(phrase, "")
    return len(rest) < min_chars // 2


def _overlaps(taken: list[Span], start: int, end: int) -> bool:
    k = bisect_right(taken, (start, end))
    return (k > 0 and taken[k - 1][1] > start) or (k < len(taken) and taken[k][0] < end)


def _insert(taken: list[Span], start: int, end: int) -> None:
    taken.insert(bisect_right(taken, (start, end)), (start, end))
