"""PDF text layer, read with PDFium: one block per line, without running headers, footers and
page numbers.

PDFium was measured against pdfplumber and pypdf on CJK text (bench/READERS.md): it loses
no character where the PDF maps its glyphs to Unicode, it is the fastest, and it flags
glyphs without such a mapping, which the reader counts and reports.
"""
from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..datafiles import load_lines
from ..errors import CorruptFileError, EmptyFileError, EncryptedFileError, NeedsOCRError
from .blocks import Block, ReaderOutput, ReadWarning

# Characters that stand for a glyph the PDF gives no Unicode for: pdfminer's (cid:NNN), the
# replacement character, private-use code points and control codes that PDFium passes
# through from unmapped fonts.
_LOST = re.compile(r"\(cid:\d+\)|[\ufffd\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Control codes are never text; they are counted as lost above, and kept out of the blocks.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE = re.compile(r"[^\r\n]+")
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")

# Page furniture lives in the outer band of a page, among its outermost lines.
_EDGE_SHARE = 0.12
_EDGE_LINES = 3
# A line at the edge of at least this share of the pages (and of two) runs through them.
_RUNNING_SHARE = 0.5


@dataclass
class _PdfLine:
    text: str            # empty when the line held nothing but control codes
    number: int          # 1-based, among the page's lines in PDFium's reading order
    top: float           # distance from the top of the page, in points
    lost: int = 0


@lru_cache(maxsize=1)
def _page_number_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.I) for p in load_lines("pdf_page_numbers.txt"))


def is_page_number(text: str) -> bool:
    """`- 3 -`, `第3页 共10页`, `3`, `3/10` and their kin."""
    squashed = _SPACE.sub("", text)
    return bool(squashed) and any(p.fullmatch(squashed) for p in _page_number_patterns())


# ----------------------------------------------------------------------------- opening


def _open(path: Path, data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedFileError(path, "the PDF is password-protected; it cannot be read without its password") from exc
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedFileError(path, "the PDF is encrypted with a security handler that cannot be opened") from exc
        raise CorruptFileError(path, f"the PDF is damaged and cannot be opened ({exc})") from exc


# ----------------------------------------------------------------------------- lines


def _font_of(textpage: pdfium.PdfTextPage, index: int) -> int | None:
    textobj = pdfium_c.FPDFText_GetTextObject(textpage, index)
    font = pdfium_c.FPDFTextObj_GetFont(textobj) if textobj else None
    return ctypes.cast(font, ctypes.c_void_p).value if font else None


def _unmapped(textpage: pdfium.PdfTextPage, count: int) -> list[bool]:
    """Per character of the page: True if its glyph has no trustworthy Unicode.

    PDFium flags only some glyphs of a font without a Unicode map; the others it decodes by
    a fallback encoding into Latin letters that look like text. A font with one flagged
    glyph is therefore distrusted for all of its glyphs.
    """
    flagged = [pdfium_c.FPDFText_HasUnicodeMapError(textpage, i) == 1 for i in range(count)]
    if not any(flagged):
        return flagged
    fonts = [_font_of(textpage, i) for i in range(count)]
    broken = {font for font, bad in zip(fonts, flagged, strict=True) if bad and font}
    return [bad or font in broken for font, bad in zip(fonts, flagged, strict=True)]


def _page_lines(page: pdfium.PdfPage) -> list[_PdfLine]:
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count <= 0:
            return []
        unmapped = _unmapped(textpage, count)
        text = textpage.get_text_range()
        height = page.get_height()
        lines = []
        for found in _LINE.finditer(text):
            raw = found.group()
            stripped = raw.strip()
            if not stripped:
                continue
            first = found.start() + len(raw) - len(raw.lstrip())
            index = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, first)
            top = height - textpage.get_charbox(index)[3] if index >= 0 else 0.0
            flagged = sum(unmapped[index:index + len(stripped)]) if index >= 0 else 0
            lost = max(flagged, len(_LOST.findall(stripped)))
            lines.append(_PdfLine(_CONTROL.sub("", stripped).strip(), len(lines) + 1, top, lost))
        return lines
    finally:
        textpage.close()


# ----------------------------------------------------------------------------- furniture


def _edges(lines: list[_PdfLine], height: float) -> list[_PdfLine]:
    """The outermost lines of a page that also stand in its top or bottom band."""
    by_top = sorted(lines, key=lambda ln: ln.top)
    band = _EDGE_SHARE * height
    top = [ln for ln in by_top[:_EDGE_LINES] if ln.top <= band]
    bottom = [ln for ln in by_top[-_EDGE_LINES:] if ln.top >= height - band]
    return top + [ln for ln in bottom if ln not in top]


def _furniture_keys(text: str, page: int) -> tuple[str, str]:
    """The line as it is, and with its page's number blanked: a running footer may carry
    that number (`某某方案 3`), while any other difference makes a line body text."""
    exact = _SPACE.sub("", text)
    return exact, _DIGITS.sub(lambda m: "#" if int(m.group()) == page else m.group(), exact)


def _drop_furniture(pages: list[list[_PdfLine]], heights: list[float]) -> tuple[list[list[_PdfLine]], int, int]:
    """Pages without running headers, footers and page numbers; how many of each went."""
    edges = [_edges(lines, h) for lines, h in zip(pages, heights, strict=True)]
    counts: dict[str, int] = {}
    for page, page_edges in enumerate(edges, start=1):
        for key in {key for ln in page_edges for key in _furniture_keys(ln.text, page)}:
            counts[key] = counts.get(key, 0) + 1
    with_text = sum(1 for lines in pages if lines)
    needed = max(2, math.ceil(_RUNNING_SHARE * with_text))
    kept_pages, numbers, repeated = [], 0, 0
    for page, (lines, page_edges) in enumerate(zip(pages, edges, strict=True), start=1):
        doomed = set()
        for ln in page_edges:
            if is_page_number(ln.text):
                numbers += 1
                doomed.add(id(ln))
            elif any(counts[key] >= needed for key in _furniture_keys(ln.text, page)):
                repeated += 1
                doomed.add(id(ln))
        kept_pages.append([ln for ln in lines if id(ln) not in doomed])
    return kept_pages, repeated, numbers


# ----------------------------------------------------------------------------- reading


def _warnings(pages: list[list[_PdfLine]], empty: list[int], repeated: int, numbers: int) -> list[ReadWarning]:
    warnings = []
    if repeated or numbers:
        warnings.append(ReadWarning(
            "pdf-headers-footers",
            f"dropped {repeated + numbers} lines of page furniture: {repeated} running header/footer lines"
            f" and {numbers} page numbers",
        ))
    lost_pages = [n for n, lines in enumerate(pages, start=1) if any(ln.lost for ln in lines)]
    if lost_pages:
        lost = sum(ln.lost for lines in pages for ln in lines)
        warnings.append(ReadWarning(
            "pdf-lost-characters",
            f"{lost} characters have no Unicode in the PDF ((cid:NNN), U+FFFD or unmapped glyphs) and are"
            f" lost or wrong, on pages {_page_list(lost_pages)}",
        ))
    if empty:
        which = f"pages {_page_list(empty)} have" if len(empty) > 1 else f"page {empty[0]} has"
        warnings.append(ReadWarning(
            "pdf-pages-without-text", f"{which} no text layer (scanned?); only OCR could read them",
        ))
    return warnings


def _page_list(numbers: list[int], limit: int = 20) -> str:
    shown = ", ".join(str(n) for n in numbers[:limit])
    return shown + (f" and {len(numbers) - limit} more" if len(numbers) > limit else "")


def read_pdf(path: Path, data: bytes) -> ReaderOutput:
    """Read a PDF's text layer; raise NeedsOCRError when it has none."""
    document = _open(path, data)
    try:
        count = len(document)
        if count == 0:
            raise EmptyFileError(path, "the PDF has no pages")
        pages, heights = [], []
        for index in range(count):
            try:
                page = document[index]
            except pdfium.PdfiumError as exc:
                raise CorruptFileError(path, f"page {index + 1} of the PDF is damaged ({exc})") from exc
            try:
                pages.append(_page_lines(page))
                heights.append(page.get_height())
            finally:
                page.close()
    finally:
        document.close()
    empty = [n for n, lines in enumerate(pages, start=1) if not lines]
    if len(empty) == count:
        raise NeedsOCRError(path, f"no text layer on any of its {count} pages (scanned or drawn as outlines): it needs OCR")
    kept, repeated, numbers = _drop_furniture(pages, heights)
    blocks = [
        Block(kind="paragraph", text=ln.text, locator=f"page {n} line {ln.number}", page=n)
        for n, lines in enumerate(kept, start=1) for ln in lines if ln.text
    ]
    lost = sum(ln.lost for lines in pages for ln in lines)
    if lost and not blocks:
        raise NeedsOCRError(path, f"its {lost} characters have no Unicode in the PDF's fonts: it needs OCR")
    return ReaderOutput(blocks=blocks, encoding=None, warnings=_warnings(pages, empty, repeated, numbers))
