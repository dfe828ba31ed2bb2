"""The compact signature of one plan that family detection works from, so that a corpus of 100,000
plans is never held parsed: MinHash values of its text's character shingles, its title and its heading list
(what kinds.py tells a plan's kind from, and the skeleton of a family)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from ..model import Document
from .config import settings
from .names import plain

_MASK = np.uint64(0xFFFFFFFF)
_PRIME = np.uint64(1_000_003)
# Named, not left to the default: hash values carry no trace of the scheme that made them.
SCHEME = "affine32"


@dataclass(frozen=True)
class Signature:
    name: str
    title: str | None
    chars: int
    text: np.ndarray
    headings: tuple[tuple[int, str], ...]


def _identity(value: int) -> int:
    return value


def minhash_values(hashes: np.ndarray) -> np.ndarray:
    cfg = settings("families")
    m = MinHash(num_perm=cfg["num_perm"], seed=cfg["seed"], hashfunc=_identity, scheme=SCHEME)
    m.update_batch(hashes.tolist())
    return m.hashvalues.copy()


def shingle_hashes(text: str, k: int) -> np.ndarray:
    """32-bit hashes of the distinct k-character shingles of the text's words (punctuation and spaces out);
    computed with numpy and independent of PYTHONHASHSEED, so that worker processes agree."""
    codes = np.frombuffer(plain(text).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(codes) < k:
        codes = np.pad(codes, (0, k - len(codes)))
    n = len(codes) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    for j in range(k):
        h = h * _PRIME + codes[j:j + n]
    return np.unique(h & _MASK)


def signatures(doc: Document, name: str) -> list[Signature]:
    """One signature per plan (`NAME#N` when the file holds several), or one of the whole text if none."""
    cfg = settings("families")
    units = [(p.title, doc.text[p.span[0]:p.span[1]], tuple((s.level, s.title) for s in p.sections))
             for p in doc.plans] or [(None, doc.text, ())]
    out = []
    for n, (title, text, headings) in enumerate(units, 1):
        out.append(Signature(f"{name}#{n}" if len(units) > 1 else name, title, len(text),
                             minhash_values(shingle_hashes(text, cfg["shingle_chars"])), headings))
    return out
