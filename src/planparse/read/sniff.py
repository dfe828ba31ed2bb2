"""Decide a file's format from its bytes, falling back on its extension."""
from __future__ import annotations

import io
import lzma
import re
import zipfile
import zlib
from pathlib import Path

from ..errors import CorruptFileError, UnsupportedFormatError

EXTENSIONS = {
    ".txt": "txt", ".text": "txt",
    ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".shtml": "html", ".xhtml": "html", ".jsp": "html", ".aspx": "html",
    ".docx": "docx", ".pdf": "pdf", ".doc": "doc",
}

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What zipfile raises for a damaged archive or member: a bad header or offset (ValueError:
# negative seek value), a version or method it lacks, bad compressed data (zlib, bz2 through
# OSError, lzma), a short file.
BROKEN_ZIP = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, NotImplementedError, RuntimeError,
              OSError, ValueError)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|meta|body)\b", re.I | re.S)
_HTML_TAGS = re.compile(rb"<(div|p|table|span|br|a)\b[^>]*>", re.I)


def _looks_like_html(head: bytes) -> bool:
    probe = head.lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_START.match(probe)) or len(_HTML_TAGS.findall(probe)) >= 5


def sniff_format(data: bytes, path: Path) -> str:
    """Return one of txt, md, html, docx, pdf, doc, or raise for what planparse cannot read."""
    ext = EXTENSIONS.get(path.suffix.lower())
    head = data[:4096]
    if data.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except BROKEN_ZIP as exc:
            raise CorruptFileError(path, f"a broken zip archive ({type(exc).__name__}: {exc}); a truncated .docx?") from exc
        if "word/document.xml" in names:
            return "docx"
        raise UnsupportedFormatError(path, "a zip archive that is not a Word .docx document")
    # A password-protected .docx is an OLE file holding an encrypted package: the .doc
    # reader recognises it and says so.
    if data.startswith(_OLE_MAGIC):
        return "doc"
    if ext == "docx":
        raise CorruptFileError(path, "not a zip archive, so not a .docx (truncated or renamed?)")
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if ext == "pdf":
        raise CorruptFileError(path, "no %PDF header: not a PDF file")
    if ext == "doc":
        raise CorruptFileError(path, "no Word 97-2003 (OLE) header: not a .doc file")
    if _looks_like_html(head) and ext not in ("md",):
        return "html"
    if ext in ("html", "md"):
        return ext
    return "txt"
