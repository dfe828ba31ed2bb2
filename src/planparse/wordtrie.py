"""A regex for a list of words, shaped as a trie.

re tries an alternation's branches one after another, so `(?:教育局|教育厅|卫健委|…)` costs
a check per word at every position it is tried at. As a trie (`(?:教育(?:局|厅)|卫健委|…)`)
it costs a check per character. It matches what the alternation ordered longest first
matches: words that can both match at one position are prefixes of each other, and the trie
tries the longer first and the shorter where the rest of the pattern fails after it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def word_pattern(words: Iterable[str]) -> str:
    """A non-capturing regex group that matches any of `words` (which may be empty: it then
    matches nothing)."""
    root: dict = {}
    for word in set(words):
        if not word:
            raise ValueError("an empty word would match everywhere")
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return f"(?:{_group(root)})" if root else "(?!)"


def _group(node: dict) -> str:
    branches = [re.escape(ch) + _rest(child) for ch, child in sorted(node.items()) if ch != _END]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body


def _rest(node: dict) -> str:
    if set(node) == {_END}:
        return ""
    return _group(node)
