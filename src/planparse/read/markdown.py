"""Markdown: `#` headings become unnumbered headings, front matter is skipped, the rest is text."""
from __future__ import annotations

import re
from pathlib import Path

from .blocks import Block, ReaderOutput
from .charset import decode_text
from .txt import line_blocks

_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_FRONT_MATTER = re.compile(r"\A---\r?\n.*?\r?\n---\r?\n", re.S)
# Emphasis and inline code marks carry no words of the plan.
_INLINE_MARKS = re.compile(r"(\*\*|__|`)")


def read_markdown(path: Path, data: bytes) -> ReaderOutput:
    text, encoding = decode_text(data)
    fm = _FRONT_MATTER.match(text)
    skip_to = fm.end() if fm else 0
    blocks = []
    for b in line_blocks(text):
        if b.offset and b.offset[0] < skip_to:
            continue
        m = _ATX.match(b.text)
        if m:
            blocks.append(Block(kind="heading", text=_INLINE_MARKS.sub("", m.group(2)), locator=b.locator,
                                offset=b.offset, heading_level=len(m.group(1))))
        elif not re.fullmatch(r"\s*([-*_]\s*){3,}", b.text):
            blocks.append(Block(kind="paragraph", text=_INLINE_MARKS.sub("", b.text), locator=b.locator,
                                offset=b.offset))
    return ReaderOutput(blocks=blocks, encoding=encoding)
