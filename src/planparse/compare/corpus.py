"""A corpus of plans: their signatures, a similarity matrix for a small corpus and the families."""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from ..batch.discover import discover
from ..errors import PlanParseError
from ..pipeline import parse
from .config import settings

# numpy, scipy and datasketch are loaded on first use, so that `import planparse` does not pay for them.
if TYPE_CHECKING:
    import numpy as np

    from .families import Family
    from .signature import Signature

def _signatures_of(item: tuple[str, str]) -> list[Signature] | str:
    from .signature import signatures

    key, path = item
    try:
        return signatures(parse(path), key)
    except PlanParseError as exc:
        return str(exc)


class Corpus:
    """The plans of the files and folders named (folders searched as `planparse batch` does). Each file is
    parsed once, in `jobs` worker processes, and only its signatures are kept (signature.py)."""

    def __init__(self, paths: Sequence[str | Path] | str | Path, jobs: int | None = None):
        items = [(i.key, str(i.path)) for i in discover([paths] if isinstance(paths, str | Path) else paths)]
        self.signatures: list[Signature] = []
        self.failed: list[str] = []
        for found in self._map(items, jobs or min(os.cpu_count() or 1, 8)):
            if isinstance(found, str):
                self.failed.append(found)
            else:
                self.signatures.extend(found)

    @staticmethod
    def _map(items: list[tuple[str, str]], jobs: int) -> Iterable[list[Signature] | str]:
        if jobs == 1 or len(items) < 2:
            return map(_signatures_of, items)
        # Parsing dominates; batches of files keep the pool's messages few. The executor is left to
        # finish with the generator.
        pool = ProcessPoolExecutor(max_workers=jobs)
        return _drain(pool, pool.map(_signatures_of, items, chunksize=max(1, min(64, len(items) // (4 * jobs)))))

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.signatures]

    def _repr_html_(self) -> str:
        from ..display.html import corpus_html

        return corpus_html(self)

    def matrix(self, kind: str = "near-duplicate") -> np.ndarray:
        """n × n, for a small corpus: the estimated Jaccard of text shingles of every pair (near-duplicate) or
        their kind score (template, kinds.py)."""
        import numpy as np

        if kind == "template":
            from .kinds import KindMeasure

            return KindMeasure(self.signatures).matrix()
        rows = [s.text for s in self.signatures]
        out = np.eye(len(rows))
        for i, x in enumerate(rows):
            for j in range(i + 1, len(rows)):
                out[i, j] = out[j, i] = np.mean(x == rows[j])
        return out

    def families(self, near_duplicate: float | None = None, template: float | None = None) -> list[Family]:
        """Near-duplicate families, then template families, largest first; thresholds default to
        compare.json's. A near-duplicate family's members may also be in a template family, but a template
        family of just the members of a near-duplicate family is not repeated."""
        from datasketch import LeanMinHash

        from .families import centre, describe, linked_groups
        from .kinds import KindMeasure
        from .signature import SCHEME

        cfg = settings("families")
        sigs = self.signatures
        texts = {i: LeanMinHash(seed=cfg["seed"], hashvalues=s.text, scheme=SCHEME) for i, s in enumerate(sigs)}

        def text_score(i: int, j: int) -> float:
            return texts[i].jaccard(texts[j])

        seen: set[frozenset[int]] = set()
        out = []
        threshold = near_duplicate or cfg["near_duplicate"]
        for members, similarity in linked_groups(texts, "near-duplicate", threshold, text_score, threshold):
            seen.add(frozenset(members))
            out.append(describe(sigs, members, "near-duplicate", similarity, centre(members, text_score)))
        # Rarity needs the whole corpus: a second pass over the signatures.
        kinds = KindMeasure(sigs)
        threshold = template or cfg["template"]
        titled = {i: m for i in range(len(sigs)) if (m := kinds.minhash(i)) is not None}
        for members, similarity in linked_groups(titled, "template", kinds.lsh_threshold(threshold), kinds.score, threshold):
            if frozenset(members) not in seen:
                middle = centre(members, kinds.score)
                out.append(describe(sigs, members, "template", similarity, middle,
                                    kinds.shared_words(members, sigs[middle].title)))
        return out


def _drain(pool: ProcessPoolExecutor, results: Iterable[list[Signature] | str]) -> Iterable[list[Signature] | str]:
    with pool:
        yield from results
