"""Read any plan file into blocks: `read(path)` is the single entry point.

The format is taken from the file's content first (a .txt that is really a .docx is read as
a .docx) and from its extension where the content does not decide.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from ..errors import EmptyFileError, FileMissingError, NotAFileError, TooLargeError
from .blocks import Block, ReaderOutput, ReadWarning, SourceDocument
from .sniff import sniff_format

__all__ = ["Block", "ReadWarning", "SourceDocument", "read", "read_bytes", "DEFAULT_MAX_BYTES"]

DEFAULT_MAX_BYTES = 200 * 1024 * 1024

Reader = Callable[[Path, bytes], ReaderOutput]


def _reader(fmt: str) -> Reader:
    # Imported on demand so that reading a .txt never loads the PDF or Word stacks.
    if fmt == "txt":
        from .txt import read_txt
        return read_txt
    if fmt == "md":
        from .markdown import read_markdown
        return read_markdown
    if fmt == "html":
        from .html import read_html
        return read_html
    if fmt == "docx":
        from .docx import read_docx
        return read_docx
    if fmt == "pdf":
        from .pdf import read_pdf
        return read_pdf
    if fmt == "doc":
        from .doc import read_doc
        return read_doc
    raise AssertionError(f"no reader for {fmt}")


def read(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read a plan file (.txt .docx .pdf .html .htm .md .doc) into blocks."""
    p = Path(path)
    if not p.exists():
        raise FileMissingError(p, "no such file")
    if not p.is_file():
        raise NotAFileError(p, "not a regular file (a directory?)")
    size = p.stat().st_size
    if size > max_bytes:
        raise TooLargeError(p, f"{size} bytes is over the limit of {max_bytes}")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise FileMissingError(p, f"cannot be read: {exc.strerror or exc}") from exc
    return read_bytes(data, p)


def read_bytes(data: bytes, path: str | Path) -> SourceDocument:
    """Read already loaded bytes; `path` names the file in errors and says its extension."""
    p = Path(path)
    if not data.strip():
        raise EmptyFileError(p, "the file is empty")
    fmt = sniff_format(data, p)
    out = _reader(fmt)(p, data)
    if not any(b.text.strip() for b in out.blocks):
        raise EmptyFileError(p, f"no text found in this {fmt} file")
    return SourceDocument(
        path=str(p),
        format=fmt,
        encoding=out.encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        size_bytes=len(data),
        blocks=tuple(out.blocks),
        warnings=tuple(out.warnings),
    )
