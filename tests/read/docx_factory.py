"""Build small .docx files for the reader tests.

python-docx writes the document (paragraphs, styles, tables, merges); what it cannot write is
injected as XML: numbering definitions (word/numbering.xml), numPr on paragraphs and styles,
content controls, fields, tracked changes, and whole replacement parts for broken files.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.styles.style import ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


# ---------------------------------------------------------------------------------------
# numbering.xml pieces

def lvl(
    ilvl: int = 0,
    fmt: str = "decimal",
    text: str | None = None,
    start: int | None = 1,
    *,
    restart: int | None = None,
    style: str | None = None,
    legal: bool = False,
    suff: str | None = None,
) -> str:
    """One `w:lvl`, children in schema order; `text` defaults to `%N.` for this level."""
    text = f"%{ilvl + 1}." if text is None else text
    children = [
        f'<w:start w:val="{start}"/>' if start is not None else "",
        f'<w:numFmt w:val="{fmt}"/>',
        f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else "",
        f'<w:pStyle w:val="{style}"/>' if style else "",
        "<w:isLgl/>" if legal else "",
        f'<w:suff w:val="{suff}"/>' if suff else "",
        f"<w:lvlText w:val={quoteattr(text)}/>",
    ]
    return f'<w:lvl w:ilvl="{ilvl}">{"".join(children)}</w:lvl>'


def abstract_num(abstract_id: int, *levels: str, style_link: str | None = None) -> str:
    link = f'<w:numStyleLink w:val="{style_link}"/>' if style_link else ""
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{link}{"".join(levels)}</w:abstractNum>'


def num(
    num_id: int,
    abstract_id: int,
    start_overrides: dict[int, int] | None = None,
    level_overrides: dict[int, str] | None = None,
) -> str:
    overrides = []
    for ilvl in sorted({*(start_overrides or {}), *(level_overrides or {})}):
        start = (start_overrides or {}).get(ilvl)
        inner = f'<w:startOverride w:val="{start}"/>' if start is not None else ""
        inner += (level_overrides or {}).get(ilvl, "")
        overrides.append(f'<w:lvlOverride w:ilvl="{ilvl}">{inner}</w:lvlOverride>')
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{"".join(overrides)}</w:num>'


def numbering_xml(*parts: str) -> bytes:
    """A numbering part; abstractNums must come before nums, as the schema wants."""
    ordered = sorted(parts, key=lambda part: not part.startswith("<w:abstractNum"))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:numbering xmlns:w="{W_NS}">{"".join(ordered)}</w:numbering>'
    ).encode()


def single_list(fmt: str, text: str = "%1.", start: int = 1, **kwargs: object) -> bytes:
    """numbering.xml with one one-level list, numId 1."""
    return numbering_xml(abstract_num(0, lvl(0, fmt, text, start, **kwargs)), num(1, 0))


# ---------------------------------------------------------------------------------------
# The document

def _num_pr_xml(num_id: int | str | None, ilvl: int | None) -> str:
    ilvl_xml = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    num_xml = f'<w:numId w:val="{num_id}"/>' if num_id is not None else ""
    return f"<w:numPr {NAMESPACES}>{ilvl_xml}{num_xml}</w:numPr>"


def _insert_into_ppr(ppr: etree._Element, child: etree._Element) -> None:
    # Right after pStyle, where the schema puts numPr; the reader does not depend on the order.
    style = ppr.find(_w("pStyle"))
    if style is not None:
        style.addnext(child)
    else:
        ppr.insert(0, child)


def number(paragraph: Paragraph, num_id: int | str | None, ilvl: int | None = 0) -> Paragraph:
    """Give a paragraph (in the body or in a table cell) a numPr."""
    _insert_into_ppr(paragraph._p.get_or_add_pPr(), parse_xml(_num_pr_xml(num_id, ilvl)))
    return paragraph


class DocxBuilder:
    """A document under construction; `to_bytes()` or `save()` gives the .docx."""

    def __init__(self) -> None:
        self.document = docx.Document()
        self.parts: dict[str, bytes] = {}

    def numbering(self, data: bytes) -> DocxBuilder:
        self.parts["word/numbering.xml"] = data
        return self

    def paragraph(
        self,
        text: str = "",
        style: str | None = None,
        num_id: int | str | None = None,
        ilvl: int | None = None,
        outline: int | None = None,
    ) -> Paragraph:
        paragraph = self.document.add_paragraph(text, style=style)
        if num_id is not None or ilvl is not None:
            number(paragraph, num_id, ilvl)
        if outline is not None:
            _insert_into_ppr(
                paragraph._p.get_or_add_pPr(), parse_xml(f'<w:outlineLvl {NAMESPACES} w:val="{outline}"/>'))
        return paragraph

    def heading(self, text: str, level: int) -> Paragraph:
        return self.document.add_heading(text, level)

    def style(
        self,
        name: str,
        base: str | None = None,
        num_id: int | str | None = None,
        ilvl: int | None = None,
        outline: int | None = None,
    ) -> ParagraphStyle:
        style = self.document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if base:
            style.base_style = self.document.styles[base]
        ppr = style.element.get_or_add_pPr()
        if num_id is not None or ilvl is not None:
            ppr.append(parse_xml(_num_pr_xml(num_id, ilvl)))
        if outline is not None:
            ppr.append(parse_xml(f'<w:outlineLvl {NAMESPACES} w:val="{outline}"/>'))
        return style

    def table(self, rows: list[list[str]]) -> Table:
        table = self.document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        return table

    def xml(self, fragment: str) -> DocxBuilder:
        """Append raw body-level WordprocessingML (`<w:p>`, `<w:sdt>`, `<w:tbl>`) to the body."""
        wrapper = parse_xml(f"<w:body {NAMESPACES}>{fragment}</w:body>")
        body = self.document.element.body
        section = body.find(_w("sectPr"))
        for child in list(wrapper):
            if section is not None:
                section.addprevious(child)
            else:
                body.append(child)
        return self

    def replace_part(self, name: str, data: bytes) -> DocxBuilder:
        self.parts[name] = data
        return self

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return rewrite_zip(buffer.getvalue(), self.parts)

    def save(self, path: Path) -> Path:
        path.write_bytes(self.to_bytes())
        return path


def rewrite_zip(data: bytes, replacements: dict[str, bytes]) -> bytes:
    """The same zip with some members replaced, with fixed timestamps (reproducible bytes)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = replacements.get(info.filename, source.read(info))
            target.writestr(zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def run(text: str) -> str:
    """A `w:r` holding `text`, for raw paragraphs."""
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def field(instruction: str, result: str) -> str:
    """A complex field: instruction hidden from readers, result shown."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run(result)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
