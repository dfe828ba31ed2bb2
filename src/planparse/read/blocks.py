"""What a reader gives: blocks of text in document order, with where each came from."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["paragraph", "heading", "table_row"]


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of a source document in reading order.

    `text` is what a reader sees, including a list label that only exists as Word
    auto-numbering (`label` holds that label as well, so later stages know it was rendered).
    For a table row, `text` joins the cells with a tab and `cells` keeps them apart.
    `locator` says where in the source the block stands in the source's own terms
    (`line 12`, `body/p[40]`, `body/tbl[2]/tr[3]`, `page 3`, an XPath); `offset` is the
    [start, end) character range in the decoded source text where the format has one.
    `heading_level` is a level given by the source itself (a Word heading style, a
    markdown `#`), not one inferred from numbering.
    """

    kind: BlockKind
    text: str
    locator: str
    offset: tuple[int, int] | None = None
    cells: tuple[str, ...] = ()
    label: str | None = None
    heading_level: int | None = None
    style: str | None = None
    page: int | None = None


@dataclass(frozen=True)
class ReadWarning:
    """Something the reader noticed and worked around (lost characters, dropped headers)."""

    code: str
    message: str


@dataclass(frozen=True)
class SourceDocument:
    """The result of reading one file."""

    path: str
    format: str
    encoding: str | None
    sha256: str
    size_bytes: int
    blocks: tuple[Block, ...]
    warnings: tuple[ReadWarning, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ReaderOutput:
    """What one format's reader returns to `read`."""

    blocks: list[Block]
    encoding: str | None = None
    warnings: list[ReadWarning] = field(default_factory=list)
