"""Word segmentation with jieba's dictionary, fed with planparse's own lexicon.

The Rust binding of jieba (rjieba, the same dictionary) is used where it is installed: it
segments some fifteen times faster than jieba itself, so a whole plan can be cut for the
cost of a fraction of a parse. jieba is the fallback; its dictionary cache then goes to a
per-user folder, since its default file in the shared temp folder is not writable by a
second user.
"""
from __future__ import annotations

import logging
import os
from functools import cache
from pathlib import Path
from typing import Protocol

from .datafiles import load_json

# High enough to win over the general dictionary's splits (任组长, 文化/和/旅游/厅).
_LEXICON_FREQ = 200_000


class _Engine(Protocol):
    def cut(self, text: str) -> list[str]: ...

    def add_word(self, word: str) -> None: ...

    def tag(self, text: str) -> list[tuple[str, str]]: ...

    def is_word(self, word: str) -> bool: ...


class _RustJieba:
    name = "rjieba"

    def __init__(self) -> None:
        import rjieba

        self._mod = rjieba

    def cut(self, text: str) -> list[str]:
        return self._mod.cut(text)

    def add_word(self, word: str) -> None:
        self._mod.add_word(word, _LEXICON_FREQ, "n")

    def tag(self, text: str) -> list[tuple[str, str]]:
        return self._mod.tag(text)

    def is_word(self, word: str) -> bool:
        return self._mod.has_word(word)


class _PyJieba:
    name = "jieba"

    def __init__(self) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self._tk = jieba.Tokenizer()
        self._tk.tmp_dir = str(cache_dir())
        self._tk.cache_file = "jieba.cache"
        from jieba import posseg

        self._pos = posseg.POSTokenizer(self._tk)

    def cut(self, text: str) -> list[str]:
        return self._tk.lcut(text, HMM=True)

    def add_word(self, word: str) -> None:
        self._tk.add_word(word, _LEXICON_FREQ, "n")

    def tag(self, text: str) -> list[tuple[str, str]]:
        return [(p.word, p.flag) for p in self._pos.lcut(text)]

    def is_word(self, word: str) -> bool:
        self._tk.check_initialized()
        return bool(self._tk.FREQ.get(word))


def cache_dir() -> Path:
    """planparse's per-user cache folder ($XDG_CACHE_HOME/planparse or ~/.cache/planparse)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "planparse"
    path.mkdir(parents=True, exist_ok=True)
    return path


def lexicon_words() -> list[str]:
    """The words of the actor lexicon that the segmenter must keep whole."""
    lex = load_json("actors.json")
    words: set[str] = set()
    words.update(e["suffix"] for e in lex["body_suffixes"] if len(e["suffix"]) > 1)
    for key in ("roles", "external_bodies", "issuer_self", "person_titles"):
        words.update(lex[key]["words"])
    words.update(lex["collectives"]["heads"])
    words.update(lex["joined_names"]["words"])
    words.update(lex["owner_labels"]["words"])
    # A one-character word at the lexicon's weight would cut 区属 or 针对性地 apart everywhere.
    return sorted(w for w in words if len(w) > 1)


@cache
def engine() -> _Engine:
    """The segmenter of this process, built once, with the lexicon added."""
    try:
        eng: _Engine = _RustJieba()
    except ImportError:
        eng = _PyJieba()
    for word in lexicon_words():
        eng.add_word(word)
    return eng


def cut(text: str) -> list[str]:
    """The words of `text`, in order; their lengths add up to len(text)."""
    return engine().cut(text)


def tag(text: str) -> list[tuple[str, str]]:
    """The words of `text` with jieba's part-of-speech tags; lengths add up to len(text)."""
    return engine().tag(text)


def is_word(word: str) -> bool:
    """Whether `word` is in the dictionary (jieba's, with the lexicon added)."""
    return engine().is_word(word)
