"""Families of look-alike plans: near-duplicates (the same text) and template families (plans of one kind,
kinds.py), found with MinHash LSH so that the work grows with the corpus, not with its square; then for
each family the skeleton most members share and how each member departs from it."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from datasketch import LeanMinHash, MinHashLSH
from rapidfuzz import fuzz, process
from scipy.optimize import linear_sum_assignment

from .config import settings
from .kinds import heading_role
from .names import plain
from .signature import Signature

_CLAUSE = re.compile(r"[，。：；:;,]")
_SHOWN = 24


@dataclass(frozen=True)
class Deviation:
    """How one member departs from its family's skeleton."""

    missing: tuple[str, ...]
    renamed: tuple[tuple[str, str], ...]
    extra: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"missing": list(self.missing), "renamed": [list(r) for r in self.renamed], "extra": list(self.extra)}


@dataclass(frozen=True)
class SkeletonHeading:
    """A heading of the skeleton, the part it plays (or None) and the share of members that have it."""

    heading: str
    role: str | None
    share: float

    def to_dict(self) -> dict[str, Any]:
        return {"heading": self.heading, "role": self.role, "share": round(self.share, 3)}


@dataclass(frozen=True)
class Family:
    """`kind` is near-duplicate or template; `similarity` the mean score of its linked pairs (estimated Jaccard of
    text shingles, or kind score); `words` the telling title words most members share (template families)."""

    kind: str
    members: tuple[str, ...]
    similarity: float
    skeleton: tuple[SkeletonHeading, ...]
    deviations: dict[str, Deviation]
    words: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "members": list(self.members), "similarity": round(self.similarity, 3),
                "words": list(self.words), "skeleton": [h.to_dict() for h in self.skeleton],
                "deviations": {m: d.to_dict() for m, d in self.deviations.items()}}


Score = Callable[[int, int], float]


def linked_groups(hashes: dict[int, LeanMinHash], kind: str, lsh_threshold: float, score: Score,
                  threshold: float) -> list[tuple[list[int], float]]:
    """Groups of two or more plans joined by pairs scoring at or above the threshold (union-find over the pairs
    LSH proposes at `lsh_threshold`, each checked on its score), with their mean pair score."""
    cfg = settings("families")
    lsh = MinHashLSH(threshold=lsh_threshold, num_perm=cfg["num_perm"], weights=tuple(cfg["lsh_weights"][kind]))
    for i, m in hashes.items():
        lsh.insert(i, m)
    parent = {i: i for i in hashes}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    scores: dict[int, list[float]] = {}
    for i, m in hashes.items():
        for j in lsh.query(m):
            # A pair already joined through others needs no check: in a family of thousands of copies
            # that is nearly every pair.
            if j > i and root(j) != root(i) and (s := score(i, j)) >= threshold:
                parent[root(j)] = root(i)
                scores.setdefault(i, []).append(s)
    groups: dict[int, list[int]] = {}
    for i in sorted(hashes):
        groups.setdefault(root(i), []).append(i)
    out = []
    for members in groups.values():
        if len(members) > 1:
            pair_scores = [s for i in members for s in scores.get(i, ())]
            out.append((members, sum(pair_scores) / len(pair_scores)))
    return sorted(out, key=lambda g: (-len(g[0]), g[0][0]))


def _headings(sig: Signature) -> list[str]:
    """The headings of the top levels, each to its first clause: parsers often run a heading into its text."""
    top = settings("families")["heading_levels"]
    return [_CLAUSE.split(t.strip(), maxsplit=1)[0][:_SHOWN] for level, t in sig.headings if level <= top and plain(t)]


@dataclass(frozen=True)
class _Outline:
    """A member's headings as shown, as compared (their opening characters) and the part each plays."""

    shown: list[str]
    keys: list[str]
    roles: list[str | None]


def _outline(sig: Signature) -> _Outline:
    shown = _headings(sig)
    chars = settings("families")["heading_chars"]
    return _Outline(shown, [plain(t)[:chars] for t in shown], [heading_role(t) for t in shown])


def _match(base: _Outline, other: _Outline) -> dict[int, int]:
    """Headings of `other` matched to `base` headings (index to index) on their wording or their part."""
    if not base.shown or not other.shown:
        return {}
    least = settings("families")["skeleton_min_score"]
    score = process.cdist(base.keys, other.keys, scorer=fuzz.ratio) / 100
    same_role = np.array([[x is not None and x == y for y in other.roles] for x in base.roles])
    # At the threshold, so that a pair alike in wording is still preferred to one alike only in part.
    score = np.where(same_role, np.maximum(score, least), score)
    # Pairs under the threshold are out before the assignment: else two of them may outweigh one good pair.
    score = np.where(score >= least, score, 0)
    rows, cols = linear_sum_assignment(score, maximize=True)
    return {int(i): int(j) for i, j in zip(rows, cols, strict=True) if score[i, j] >= least}


def centre(members: list[int], score: Score) -> int:
    """The member closest to the others, sought among the first members only: quadratic in a family of thousands
    otherwise."""
    sample = members[:settings("families")["centre_sample"]]
    return max(sample, key=lambda i: sum(score(min(i, j), max(i, j)) for j in sample if j != i))


def describe(sigs: Sequence[Signature], members: list[int], kind: str, similarity: float, middle: int,
             words: tuple[str, ...] = ()) -> Family:
    """The family's skeleton: the headings of its `middle` member that at least `skeleton_share` of the members
    have (by wording or part), in a template family named by their part when they play one; and for each member
    the skeleton headings it lacks or words otherwise, and its headings outside the skeleton."""
    base = _outline(sigs[middle])
    outlines = {i: _outline(sigs[i]) for i in members}
    matches = {i: _match(base, outlines[i]) for i in members}
    share = settings("families")["skeleton_share"]
    having = [sum(k in matches[i] for i in members) / len(members) for k in range(len(base.shown))]
    kept = [k for k in range(len(base.shown)) if having[k] >= share]
    shown = base.shown
    if kind == "template":
        # Plans of one kind share parts more than wording: the skeleton names each part once, by its name.
        first: dict[str, int] = {}
        for k in kept:
            first.setdefault(base.roles[k] or "", k)
        kept = [k for k in kept if not base.roles[k] or first[base.roles[k]] == k]
        shown = [role or t for role, t in zip(base.roles, base.shown, strict=True)]
    deviations = {}
    for i in members:
        theirs, found = outlines[i].shown, matches[i]
        used = {found[k] for k in kept if k in found}
        deviations[sigs[i].name] = Deviation(
            missing=tuple(shown[k] for k in kept if k not in found),
            renamed=tuple((shown[k], theirs[found[k]]) for k in kept if k in found and theirs[found[k]] != shown[k]),
            extra=tuple(t for j, t in enumerate(theirs) if j not in used))
    skeleton = tuple(SkeletonHeading(shown[k], base.roles[k], having[k]) for k in kept)
    return Family(kind, tuple(sigs[i].name for i in members), similarity, skeleton, deviations, words)
