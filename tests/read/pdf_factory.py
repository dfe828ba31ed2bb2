"""Build small PDFs for the reader tests and the PDF benchmark.

reportlab writes the pages: Chinese text either in the CID font STSong-Light (Adobe-GB1,
referenced by name, not embedded, as many Chinese producers do) or in a TrueType font from
the system embedded as a subset (Debian: fonts-wqy-zenhei or fonts-arphic-uming). pypdf adds
what reportlab cannot: encryption, and fonts stripped of their Unicode map.
"""
from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import pypdf
from pypdf.generic import NameObject
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

CID_FONT = "STSong-Light"
TRUETYPE_FILES = {
    "WenQuanYi Zen Hei": Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    "AR PL UMing": Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
}
WIDTH, HEIGHT = A4
MARGIN = 72
BODY_TOP = 100  # below the header band, as in a printed document
LEADING = 20


def cid_font() -> str:
    if CID_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
    return CID_FONT


def truetype_font(name: str | None = None) -> str | None:
    """Register a system TrueType CJK font and return its name; None if none is installed."""
    for font, path in TRUETYPE_FILES.items():
        if (name is None or name == font) and path.is_file():
            if font not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(font, str(path), subfontIndex=0))
            return font
    return None


def font_covers(font: str, text: str) -> str:
    """The characters of `text` that `font` has glyphs for (a CID font: all of them)."""
    face = getattr(pdfmetrics.getFont(font), "face", None)
    glyphs = getattr(face, "charToGlyph", None)
    if glyphs is None:
        return text
    return "".join(ch for ch in text if ch.isspace() or ord(ch) in glyphs)


def wrap(text: str, width: int = 34) -> list[str]:
    """Cut text into lines of at most `width` characters, as a typesetter would."""
    lines = []
    for paragraph in text.splitlines():
        paragraph = paragraph.strip()
        while paragraph:
            lines.append(paragraph[:width])
            paragraph = paragraph[width:]
    return lines


def paginate(lines: Sequence[str], per_page: int = 34) -> list[list[str]]:
    return [list(lines[i:i + per_page]) for i in range(0, len(lines), per_page)] or [[]]


def build_pdf(
    pages: Sequence[Sequence[str]],
    *,
    font: str | None = None,
    size: float = 12,
    header: str | None = None,
    footer: str | None = None,
    page_number: str | None = None,
) -> bytes:
    """A PDF with one page per item of `pages`, each line drawn at its own height.

    `header` and `footer` are drawn on every page; `page_number` is a format string with
    `{n}` and `{total}` (`- {n} -`, `第{n}页 共{total}页`) drawn at the foot of each page.
    """
    font = font or cid_font()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    for n, lines in enumerate(pages, start=1):
        pdf.setFont(font, size)
        if header:
            pdf.drawCentredString(WIDTH / 2, HEIGHT - 40, header)
        for i, line in enumerate(lines):
            pdf.drawString(MARGIN, HEIGHT - BODY_TOP - i * LEADING, line)
        if footer:
            pdf.drawCentredString(WIDTH / 2, 48, footer)
        if page_number:
            pdf.drawCentredString(WIDTH / 2, 28, page_number.format(n=n, total=len(pages)))
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def drawing_only_pdf(pages: int = 1) -> bytes:
    """Pages with lines and boxes but no text at all, like a scan or text drawn as outlines."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    for _ in range(pages):
        pdf.rect(MARGIN, MARGIN, WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN)
        for y in range(150, 700, 24):
            pdf.line(MARGIN + 10, y, WIDTH - MARGIN - 10, y)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def encrypt_pdf(data: bytes, user_password: str, owner_password: str = "owner") -> bytes:
    """The same PDF encrypted; an empty `user_password` opens without asking, as many do."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def strip_unicode_maps(data: bytes) -> bytes:
    """The same PDF with every font's /ToUnicode removed: its glyphs no longer say what they are."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    for page in writer.pages:
        fonts = page["/Resources"].get("/Font", {})
        for key in fonts:
            font = fonts[key].get_object()
            if "/ToUnicode" in font:
                del font[NameObject("/ToUnicode")]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
