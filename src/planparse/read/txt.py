"""Plain text: encoding detected from the bytes, one block per non-blank line."""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import UnsupportedFormatError
from .blocks import Block, ReaderOutput, ReadWarning
from .charset import decode_text

# Control characters other than tab, newline, carriage return and form feed: in real text
# they are rare, in binary junk read as text they are everywhere.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_JUNK_SHARE = 0.05


def _reject_binary(path: Path, text: str) -> None:
    probe = text[:20000]
    if not probe:
        return
    junk = len(_CONTROL.findall(probe)) + probe.count("\ufffd")
    if junk / len(probe) > _MAX_JUNK_SHARE:
        raise UnsupportedFormatError(path, "binary content, not text in any known encoding")


def line_blocks(text: str) -> list[Block]:
    """One paragraph block per non-blank line, with its line number and offset in `text`."""
    blocks, line, pos = [], 1, 0
    for m in re.finditer(r"[^\r\n]+", text):
        if not m.group().strip():
            continue
        line += text.count("\n", pos, m.start())
        pos = m.start()
        blocks.append(Block(kind="paragraph", text=m.group(), locator=f"line {line}", offset=(m.start(), m.end())))
    return blocks


def read_txt(path: Path, data: bytes) -> ReaderOutput:
    text, encoding = decode_text(data)
    _reject_binary(path, text)
    warnings = []
    if "\ufffd" in text:
        warnings.append(ReadWarning("undecodable-bytes",
                                    f"{text.count(chr(0xFFFD))} bytes could not be decoded as {encoding}"))
    return ReaderOutput(blocks=line_blocks(text), encoding=encoding, warnings=warnings)
