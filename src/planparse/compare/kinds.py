"""What makes two plans of one kind, as an analyst means "made from one template": the telling words of their
titles (the occasion, the subject: 二十大, 维稳, 消防), weighted by how rare they are in the corpus at hand, and
confirmed by the parts their top-level headings play (指导思想 → 组织领导 → 工作任务 → 工作要求). The outline
alone never makes a family: nearly every plan has it.

kind score = min(1, T × (1 + outline_weight × O)), where T is the weighted Jaccard of the title terms (each term
weighted by its rarity) and O the likeness (2 × matched / total) of the two role sequences."""
from __future__ import annotations

import difflib
import math
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any

import numpy as np
from datasketch import LeanMinHash

from .config import settings
from .names import plain
from .signature import SCHEME, Signature, minhash_values


def _cfg() -> dict[str, Any]:
    return settings("families")["kinds"]


@cache
def _role_words() -> tuple[tuple[str, str], ...]:
    roles = settings("families")["heading_roles"]
    return tuple(sorted(((plain(w), role) for role, words in roles.items() for w in words),
                        key=lambda x: len(x[0]), reverse=True))


@lru_cache(maxsize=1 << 16)
def heading_role(heading: str) -> str | None:
    """The part of a plan a heading plays (compare.json heading_roles), from the words it opens with."""
    opening = plain(heading)[:settings("families")["role_chars"]]
    return next((role for word, role in _role_words() if word in opening), None)


@cache
def _title_rules() -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    cfg = _cfg()
    generic = tuple(sorted((plain(w) for w in cfg["generic_title_words"]), key=len, reverse=True))
    return re.compile(cfg["title_issuer"]), re.compile(cfg["title_noise"]), generic


def title_segments(title: str | None) -> list[str]:
    """The telling words of a title: what is left without the issuer or site name (up to 关于 or a dash), years,
    numbers and placeholders, and the generic words every plan title has (工作, 实施, 方案, 期间, ...)."""
    issuer, noise, generic = _title_rules()
    rest = noise.sub("|", plain(issuer.sub("", title or "")))
    for word in generic:
        rest = rest.replace(word, "|")
    return [part for part in rest.split("|") if len(part) > 1]


def title_terms(title: str | None) -> frozenset[str]:
    """The character pairs of the title's telling words: Chinese has no spaces, and pairs need no dictionary."""
    return frozenset(part[i:i + 2] for part in title_segments(title) for i in range(len(part) - 1))


def outline_roles(headings: Sequence[tuple[int, str]]) -> tuple[str, ...]:
    """The parts the top-level headings play, in order, a repeated part once; headings of no known part left out."""
    out: list[str] = []
    for level, text in headings:
        if level == 1 and (role := heading_role(text)) and (not out or out[-1] != role):
            out.append(role)
    return tuple(out)


class KindMeasure:
    """The kind score of the plans of one corpus. Rarity comes from the corpus itself (a first pass over the
    signatures); under `rarity_min_plans` plans with a title it cannot be told, and every term left after the
    generic words weighs the same."""

    def __init__(self, sigs: Sequence[Signature]):
        cfg = _cfg()
        self.terms = [title_terms(s.title) for s in sigs]
        self.roles = [outline_roles(s.headings) for s in sigs]
        self.outline_weight: float = cfg["outline_weight"]
        df = Counter(t for terms in self.terms for t in terms)
        n = sum(1 for terms in self.terms if terms)
        # IDF scaled to (0, 1]: a term only one plan has weighs 1, one every plan has nearly 0.
        self._weights = ({t: math.log((n + 1) / k) / math.log(n + 1) for t, k in df.items()}
                         if n >= cfg["rarity_min_plans"] else dict.fromkeys(df, 1.0))
        self._totals = [sum(self._weights[t] for t in terms) for terms in self.terms]

    def weight(self, term: str) -> float:
        return self._weights.get(term, 1.0)

    def title_similarity(self, i: int, j: int) -> float:
        shared = sum(self._weights[t] for t in self.terms[i] & self.terms[j])
        return shared / (self._totals[i] + self._totals[j] - shared) if shared else 0.0

    def outline_similarity(self, i: int, j: int) -> float:
        a, b = self.roles[i], self.roles[j]
        return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() if a and b else 0.0

    def score(self, i: int, j: int) -> float:
        title = self.title_similarity(i, j)
        return min(1.0, title * (1 + self.outline_weight * self.outline_similarity(i, j))) if title else 0.0

    def lsh_threshold(self, threshold: float) -> float:
        """The least title likeness that can still reach `threshold` with a perfect outline: LSH only proposes
        pairs, each is checked on its score."""
        return threshold / (1 + self.outline_weight)

    def minhash(self, i: int) -> LeanMinHash | None:
        """MinHash of the title terms, each repeated in proportion to its weight, so that the estimated Jaccard
        follows the weighted one. None for a title with no telling word."""
        copies = _cfg()["lsh_copies"]
        keys = [f"{t}#{k}" for t in self.terms[i] for k in range(max(1, round(self.weight(t) * copies)))]
        if not keys:
            return None
        values = minhash_values(np.array([zlib.crc32(k.encode("utf-8")) for k in keys], dtype=np.uint64))
        return LeanMinHash(seed=settings("families")["seed"], hashvalues=values, scheme=SCHEME)

    def shared_words(self, members: Sequence[int], title: str | None) -> tuple[str, ...]:
        """The words of a title (the central member's) whose terms at least `skeleton_share` of the members (and two) have, rarest
        first: runs of such pairs are joined back into words (二十 + 十大 → 二十大)."""
        least = max(2.0, settings("families")["skeleton_share"] * len(members))
        having = Counter(t for i in members for t in self.terms[i])
        words: dict[str, float] = {}
        for part in title_segments(title):
            run = ""
            for k in range(len(part) - 1):
                pair = part[k:k + 2]
                if having[pair] >= least:
                    run = run + pair[1] if run else pair
                    words[run] = max(words.pop(run[:-1], 0.0), self.weight(pair))
                else:
                    run = ""
        return tuple(sorted(words, key=lambda w: -words[w]))

    def matrix(self) -> np.ndarray:
        n = len(self.terms)
        out = np.eye(n)
        for i in range(n):
            for j in range(i + 1, n):
                out[i, j] = out[j, i] = self.score(i, j)
        return out
