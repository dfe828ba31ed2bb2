"""Sections of one side matched to sections of the other: an optimal one-to-one assignment."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from scipy.optimize import linear_sum_assignment

from ..model import Section
from .config import settings
from .names import plain
from .sides import Side


@dataclass(frozen=True)
class SectionRef:
    id: str
    label: str | None
    title: str
    level: int

    def to_dict(self) -> dict:
        return {"id": self.id, "label": self.label, "title": self.title, "level": self.level}

    @property
    def heading(self) -> str:
        return f"{self.label or ''}{self.title}"


@dataclass(frozen=True)
class AlignedSection:
    """A section of A and its counterpart in B. `moved` marks a pair out of the order the other pairs keep."""

    a: SectionRef
    b: SectionRef
    score: float
    title: float
    content: float
    moved: bool = False

    def to_dict(self) -> dict:
        return {"a": self.a.to_dict(), "b": self.b.to_dict(), "score": round(self.score, 3),
                "title": round(self.title, 3), "content": round(self.content, 3), "moved": self.moved}


@dataclass(frozen=True)
class Alignment:
    pairs: tuple[AlignedSection, ...]
    only_a: tuple[SectionRef, ...]
    only_b: tuple[SectionRef, ...]

    @property
    def score(self) -> float | None:
        """Twice the summed pair scores over the sections of both sides; None when neither has a section."""
        total = len(self.pairs) * 2 + len(self.only_a) + len(self.only_b)
        return 2 * sum(p.score for p in self.pairs) / total if total else None

    def to_dict(self) -> dict:
        return {"pairs": [p.to_dict() for p in self.pairs], "only_a": [s.to_dict() for s in self.only_a],
                "only_b": [s.to_dict() for s in self.only_b]}


def ref(section: Section) -> SectionRef:
    return SectionRef(section.id, section.label, section.title, section.level)


def own_text(section: Section, sections: tuple[Section, ...], text: str) -> str:
    """The section's words without its subsections': a parent would otherwise match on its children."""
    end = min((s.span[0] for s in sections if s.parent == section.id), default=section.span[1])
    return text[section.heading_span[1]:end]


def align_sections(a: Side, b: Side) -> Alignment:
    sa, sb = a.sections, b.sections
    if not sa or not sb:
        return Alignment((), tuple(map(ref, sa)), tuple(map(ref, sb)))
    cfg = settings("align")
    weights, chars = cfg["weights"], cfg["content_chars"]
    title = process.cdist([plain(s.title) for s in sa], [plain(s.title) for s in sb], scorer=fuzz.ratio) / 100
    content = process.cdist([plain(own_text(s, sa, a.text))[:chars] for s in sa],
                            [plain(own_text(s, sb, b.text))[:chars] for s in sb], scorer=fuzz.ratio) / 100
    position = 1 - np.abs(_ranks(len(sa))[:, None] - _ranks(len(sb))[None, :])
    level = np.array([[sa_.level == sb_.level for sb_ in sb] for sa_ in sa], dtype=float)
    # Clipped: the scorer's float32 can sum to a hair over 1.
    score = np.minimum(weights["title"] * title + weights["content"] * content + weights["position"] * position
                       + weights["level"] * level, 1.0)
    # Pairs under the threshold are out before the assignment: else two of them may outweigh one good pair.
    rows, cols = linear_sum_assignment(np.where(score >= cfg["min_score"], score, 0), maximize=True)
    kept = sorted((int(i), int(j)) for i, j in zip(rows, cols, strict=True) if score[i, j] >= cfg["min_score"])
    in_order = _longest_increasing([j for _, j in kept])
    pairs = tuple(AlignedSection(ref(sa[i]), ref(sb[j]), float(score[i, j]), float(title[i, j]),
                                 float(content[i, j]), moved=n not in in_order)
                  for n, (i, j) in enumerate(kept))
    matched_a, matched_b = {i for i, _ in kept}, {j for _, j in kept}
    return Alignment(pairs, tuple(ref(s) for i, s in enumerate(sa) if i not in matched_a),
                     tuple(ref(s) for j, s in enumerate(sb) if j not in matched_b))


def _ranks(n: int) -> np.ndarray:
    return np.arange(n) / max(n - 1, 1)


def _longest_increasing(values: list[int]) -> set[int]:
    """Indices of one longest increasing subsequence (patience sorting): the pairs that keep their order."""
    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(values)
    for i, v in enumerate(values):
        k = bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
            tail_index.append(i)
        else:
            tails[k], tail_index[k] = v, i
        previous[i] = tail_index[k - 1] if k else -1
    out, i = set(), tail_index[-1] if tail_index else -1
    while i >= 0:
        out.add(i)
        i = previous[i]
    return out
