"""Read Word .docx files into blocks, in body order, with Word's list labels put back.

The package's main document, styles and numbering are found and parsed by `opc`, the document
with its formatting markup cut out first (`formatting`). The body is then walked element by
element, because what a reader sees is more than the text of its runs (python-docx's
`Paragraph.text` skips runs inside tracked insertions (`w:ins`), content controls (`w:sdt`),
smart tags and simple fields, and knows nothing of auto-numbering, table merges or tables of
contents):

- a paragraph's text is what Word shows: hyperlink text and field results yes; field
  instructions (`w:instrText`), deleted text (`w:del`, `w:moveFrom`) and hidden runs
  (`w:vanish`) no. Paragraphs in text boxes follow the paragraph that anchors them.
- Word auto-numbering labels (see `numbering`) are drawn and put before the text.
- a table gives one block per row; a cell spanning columns appears once, a cell continuing
  a vertical merge repeats the text of the merge's first cell so that each row stands
  alone. A table of a single cell is a frame around body text and is read as body text; a
  table nested in a cell becomes lines of that cell's text.
- table-of-contents entries are dropped with one warning.

Locators count paragraphs and tables in reading order within their container
(`body/p[12]`, `body/tbl[2]/tr[3]`, `body/tbl[1]/tr[1]/tc[1]/p[2]`), content controls being
transparent.

Before any XML is parsed, the zip is checked for decompression bombs and every XML part for
DTDs (entity bombs).
"""
from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from docx.styles import BabelFish
from lxml import etree

from ..errors import CorruptFileError, EncryptedFileError, UnsafeFileError
from .blocks import Block, ReaderOutput, ReadWarning
from .formatting import without_formatting
from .numbering import (
    MC_NS,
    ListCounter,
    Numbering,
    NumberLabel,
    NumPr,
    declares_dtd,
    first_child,
    is_on,
    resolve_num_pr,
    w,
)
from .opc import word_parts
from .sniff import BROKEN_ZIP

MAX_MEMBERS = 10_000
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
# Small parts full of repeated markup compress far beyond 100:1 quite innocently.
RATIO_CHECK_MIN_BYTES = 5 * 1024 * 1024
TOC_WARNING = "docx-toc-dropped"

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TOC_STYLE = re.compile(r"^toc\s*(?:[1-9]|heading)$|目录", re.IGNORECASE)
_PAGE_NUMBER_AT_END = re.compile(r"(?:\t|\.{2,}|…+|·{2,})\s*\d+\s*$")
_BODY_TEXT_OUTLINE_LEVEL = 9

_MC_FALLBACK = f"{{{MC_NS}}}Fallback"
# Inline wrappers whose runs Word shows as ordinary text.
_INLINE_CONTAINERS = frozenset(
    w(tag) for tag in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "bdo", "dir")
)
_BLOCK_CONTAINERS = frozenset(w(tag) for tag in ("customXml", "ins", "moveTo"))

# Clark names spelled out once: the body walk compares tags of every element in the document.
_DOCUMENT, _BODY, _P, _PPR = (w(t) for t in ("document", "body", "p", "pPr"))
_R, _RPR, _T, _BR = (w(t) for t in ("r", "rPr", "t", "br"))
_TBL, _TR, _TRPR, _TC, _TCPR = (w(t) for t in ("tbl", "tr", "trPr", "tc", "tcPr"))
_GRID_BEFORE, _GRID_SPAN, _H_MERGE, _V_MERGE = (w(t) for t in ("gridBefore", "gridSpan", "hMerge", "vMerge"))
_SDT, _SDT_CONTENT, _HYPERLINK, _FLD_SIMPLE = (w(t) for t in ("sdt", "sdtContent", "hyperlink", "fldSimple"))
_FLD_CHAR, _INSTR_TEXT, _VANISH, _TXBX_CONTENT = (w(t) for t in ("fldChar", "instrText", "vanish", "txbxContent"))
_P_STYLE, _NUM_PR, _OUTLINE_LVL, _CUSTOM_XML = w("pStyle"), w("numPr"), w("outlineLvl"), w("customXml")
# The properties the walk asks of paragraphs, cells and rows, and the element each sits in.
_PROPERTY_HOLDERS = {
    _P_STYLE: _PPR, _NUM_PR: _PPR, _OUTLINE_LVL: _PPR,
    _GRID_SPAN: _TCPR, _H_MERGE: _TCPR, _V_MERGE: _TCPR,
    _GRID_BEFORE: _TRPR,
}
_NO_PROPERTIES: Mapping[str, etree._Element] = MappingProxyType({})
_VAL, _TYPE, _ANCHOR, _INSTR, _FLD_CHAR_TYPE = (w(t) for t in ("val", "type", "anchor", "instr", "fldCharType"))
# Run content that stands for a fixed character (w:t and w:br are read apart).
_RUN_CHARACTERS = {w("tab"): "\t", w("ptab"): "\t", w("cr"): "\n", w("noBreakHyphen"): "-"}
# What a run holds besides w:t that `_run` reads (a break, a tab…).
_RUN_MARKS = frozenset({_BR, *_RUN_CHARACTERS})
# What makes a body's text more than the w:t of its paragraphs' runs (see `_BodyReader._plain`).
_NOT_PLAIN = frozenset({w("fldChar"), w("instrText"), w("sdt"), *_INLINE_CONTAINERS})
# The texts of a paragraph's runs, found in one call without an element object for each.
_RUN_TEXTS = etree.XPath("w:r/w:t/text()", namespaces={"w": etree.QName(_T).namespace}, smart_strings=False)


def read_docx(path: Path, data: bytes) -> ReaderOutput:
    """Read a .docx file's body into paragraph, heading and table-row blocks."""
    parts = word_parts(path, unpack_package(path, data), without_formatting)
    styles = _Styles(parts.styles)
    numbering = Numbering.from_element(parts.numbering, styles.num_id)
    reader = _BodyReader(styles, ListCounter(numbering))
    body = _body(path, parts.document)
    blocks = reader.read(body) if body is not None else []
    warnings = []
    if reader.toc_entries_dropped:
        warnings.append(ReadWarning(
            TOC_WARNING,
            f"dropped {reader.toc_entries_dropped} table-of-contents entries (not plan text)",
        ))
    return ReaderOutput(blocks=blocks, encoding=None, warnings=warnings)


# ---------------------------------------------------------------------------------------
# The package

def unpack_package(path: Path, data: bytes) -> dict[str, bytes]:
    """The package's XML parts by member name, once the zip is known not to be built to exhaust
    memory and no XML part declares a DTD."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except BROKEN_ZIP as exc:
        raise CorruptFileError(path, f"a broken zip archive ({type(exc).__name__}: {exc}); a truncated .docx?") from exc
    parts = {}
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        _check_sizes(path, members)
        for info in members:
            if info.flag_bits & 0x1:
                raise EncryptedFileError(path, f"zip member {info.filename} is password-protected")
            content = _unpack(path, archive, info)
            if _looks_like_xml(info, content):
                if declares_dtd(content):
                    raise UnsafeFileError(
                        path, f"part {info.filename} declares a DTD (<!DOCTYPE>/<!ENTITY>), "
                              "which Word never writes: an XML entity bomb?")
                parts[info.filename] = content
    return parts


def _check_sizes(path: Path, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise UnsafeFileError(path, f"{len(members)} zip members, over the limit of {MAX_MEMBERS}")
    total = 0
    for info in members:
        total += info.file_size
        if total > MAX_UNCOMPRESSED_BYTES:
            raise UnsafeFileError(
                path, f"unpacks to over {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB: a zip bomb?")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= RATIO_CHECK_MIN_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise UnsafeFileError(
                path, f"part {info.filename} unpacks {ratio:.0f} times its packed size "
                      f"({info.file_size} bytes): a zip bomb?")


def _unpack(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    # Sizes are bounded by now, and zipfile stops at the declared size, so reading is safe.
    try:
        return archive.read(info)
    except BROKEN_ZIP as exc:
        raise CorruptFileError(
            path, f"zip member {info.filename} cannot be unpacked ({type(exc).__name__}: {exc})") from exc


def _looks_like_xml(info: zipfile.ZipInfo, content: bytes) -> bool:
    return info.filename.endswith((".xml", ".rels")) or content.startswith((b"\xff\xfe", b"\xfe\xff")) \
        or content.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def _body(path: Path, root: etree._Element) -> etree._Element | None:
    if root.tag != _DOCUMENT:
        raise CorruptFileError(path, f"not a readable Word document (its main part is {root.tag}, not w:document)")
    return first_child(root, _BODY)


# ---------------------------------------------------------------------------------------
# Styles

class _Styles:
    """Paragraph style facts that follow the basedOn chain: names, numPr, outline level.

    Each fact is worked out once per style: a long document asks for the same few styles
    thousands of times.
    """

    def __init__(self, root: etree._Element | None):
        self._by_id: dict[str, etree._Element] = {}
        self.default_paragraph: str | None = None
        self._names: dict[str | None, str | None] = {}
        self._num_prs: dict[str | None, NumPr | None] = {}
        self._outline_levels: dict[str | None, int | None] = {}
        for style in root.findall(w("style")) if root is not None else ():
            sid = style.get(w("styleId"))
            if sid is None:
                continue
            self._by_id[sid] = style
            if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true", "on"):
                self.default_paragraph = sid

    def paragraph_style(self, p_style: etree._Element | None) -> str | None:
        """The style a paragraph names in its `w:pStyle`, else the default paragraph style."""
        return p_style.get(_VAL) if p_style is not None else self.default_paragraph

    def name(self, style_id: str | None) -> str | None:
        if style_id not in self._names:
            style = self._by_id.get(style_id or "")
            name = style.find(w("name")) if style is not None else None
            self._names[style_id] = style_id if name is None else BabelFish.internal2ui(name.get(_VAL) or "")
        return self._names[style_id]

    def _chain(self, style_id: str | None) -> Iterator[etree._Element]:
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._by_id:
            seen.add(style_id)
            style = self._by_id[style_id]
            yield style
            based_on = style.find(w("basedOn"))
            style_id = based_on.get(_VAL) if based_on is not None else None

    def num_pr(self, style_id: str | None) -> NumPr | None:
        """The numPr a style gives its paragraphs; numId and ilvl may come from different ancestors."""
        if style_id in self._num_prs:
            return self._num_prs[style_id]
        num_id: str | None = None
        ilvl: int | None = None
        for style in self._chain(style_id):
            own = NumPr.from_ppr(style.find(w("pPr")))
            if own is None:
                continue
            num_id = own.num_id if num_id is None else num_id
            ilvl = own.ilvl if ilvl is None else ilvl
        found = None if num_id is None and ilvl is None else NumPr(num_id, ilvl)
        self._num_prs[style_id] = found
        return found

    def num_id(self, style_id: str) -> str | None:
        num_pr = self.num_pr(style_id)
        return num_pr.num_id if num_pr is not None else None

    def outline_level(self, style_id: str | None) -> int | None:
        if style_id not in self._outline_levels:
            levels = (_outline_level(style.find(w("pPr"))) for style in self._chain(style_id))
            self._outline_levels[style_id] = next((level for level in levels if level is not None), None)
        return self._outline_levels[style_id]


def _outline_level(ppr: etree._Element | None) -> int | None:
    return _outline_value(first_child(ppr, _OUTLINE_LVL) if ppr is not None else None)


def _outline_value(level: etree._Element | None) -> int | None:
    try:
        return int(level.get(_VAL)) if level is not None else None
    except (TypeError, ValueError):
        return None


# ---------------------------------------------------------------------------------------
# Fields and tables of contents

class _TocMark(Enum):
    """How a paragraph points at a table of contents."""

    FIELD = "inside a TOC field"
    PAGE_REFERENCE = "a PAGEREF to a _Toc bookmark"
    LINK = "a link to a _Toc bookmark"


@dataclass
class _Field:
    instruction: str = ""
    showing_result: bool = False

    def toc_mark(self) -> _TocMark | None:
        code = self.instruction.strip().upper()
        if code.startswith("TOC"):
            return _TocMark.FIELD
        if "_TOC" not in code:
            return None
        if code.startswith("PAGEREF"):
            return _TocMark.PAGE_REFERENCE
        return _TocMark.LINK if code.startswith("HYPERLINK") else None


class _Fields:
    """Complex fields (fldChar begin/separate/end) open across runs and paragraphs."""

    def __init__(self) -> None:
        self._open: list[_Field] = []
        self._touched: list[_Field] = []

    def start_paragraph(self) -> None:
        self._touched = list(self._open)

    def begin(self) -> None:
        self._open.append(_Field())
        self._touched.append(self._open[-1])

    def separate(self) -> None:
        if self._open:
            self._open[-1].showing_result = True

    def end(self) -> None:
        if self._open:
            self._open.pop()

    def instruction(self, text: str) -> None:
        if self._open:
            self._open[-1].instruction += text

    def simple(self, instruction: str) -> None:
        self._touched.append(_Field(instruction, True))

    def hiding(self) -> bool:
        """Inside some field's instruction part, where nothing is shown."""
        return bool(self._open) and any(not f.showing_result for f in self._open)

    def toc_marks(self) -> set[_TocMark]:
        """TOC marks of the fields the current paragraph has been inside of."""
        return {mark for f in self._touched if (mark := f.toc_mark()) is not None}


def _is_toc_entry(marks: set[_TocMark], text: str) -> bool:
    # Word also links body text to headings through _Toc bookmarks ("place in this document"),
    # so a bare link marks a TOC entry only when a page number follows it.
    if _TocMark.FIELD in marks or _TocMark.PAGE_REFERENCE in marks:
        return True
    return _TocMark.LINK in marks and _PAGE_NUMBER_AT_END.search(text) is not None


def _is_toc_sdt(sdt: etree._Element) -> bool:
    gallery = sdt.find(f"{w('sdtPr')}/{w('docPartObj')}/{w('docPartGallery')}")
    return gallery is not None and (gallery.get(w("val")) or "").lower() == "table of contents"


# ---------------------------------------------------------------------------------------
# The body

@dataclass
class _Scope:
    """A container being walked and its running paragraph and table counts, for locators."""

    prefix: str
    paragraphs: int = 0
    tables: int = 0


class _StyleFacts(NamedTuple):
    """What a paragraph style alone says about its paragraphs."""

    name: str | None
    marks_toc: bool
    heading_level: int | None


@dataclass
class _Paragraph:
    text: str
    style: str | None
    in_toc: bool
    label: NumberLabel | None = None
    heading_level: int | None = None


# What the body walk gives: blocks where a scope counts locators; inside a table cell, where
# only the texts are joined, the bare texts (no locators, no Block objects).
_Out = list[Block] | list[str]


@dataclass
class _BodyReader:
    styles: _Styles
    counter: ListCounter
    toc_entries_dropped: int = 0
    fields: _Fields = field(default_factory=_Fields)
    _style_facts: dict[str | None, _StyleFacts] = field(default_factory=dict)
    # What one search of the body in C finds (see `_look_through`) rather than a search in
    # every paragraph, cell and run: few of them hold anything that is searched for.
    _properties: dict[etree._Element, dict[str, etree._Element]] = field(default_factory=dict)
    _has_hidden_runs: bool = False
    _has_text_boxes: bool = False
    # No fields, content controls, inline containers, hidden runs or text boxes anywhere in the
    # body: a paragraph's text is then what its runs hold, read in one call where no run of it
    # holds a break, tab or the like (those paragraphs are in `_marked`).
    _plain: bool = True
    _marked: set[etree._Element] = field(default_factory=set)

    def read(self, body: etree._Element) -> list[Block]:
        self._look_through(body)
        blocks: list[Block] = []
        self._container(body, _Scope("body"), blocks)
        return blocks

    def _look_through(self, body: etree._Element) -> None:
        """Note whether the body has hidden runs and text boxes, and the properties its
        paragraphs, cells and rows have: for each owner, the first child of each tag in its
        first w:pPr, w:tcPr or w:trPr."""
        for el in body.iter(_VANISH, _TXBX_CONTENT, *_NOT_PLAIN, *_RUN_MARKS, *_PROPERTY_HOLDERS):
            tag = el.tag
            if tag in _RUN_MARKS:
                run = el.getparent()
                if run.tag == _R:
                    self._marked.add(run.getparent())
                continue
            if tag == _VANISH:
                self._has_hidden_runs = True
                self._plain = False
                continue
            if tag == _TXBX_CONTENT:
                self._has_text_boxes = True
                self._plain = False
                continue
            if tag in _NOT_PLAIN:
                self._plain = False
                continue
            holder = el.getparent()
            if holder.tag != _PROPERTY_HOLDERS[tag]:
                continue
            owner = holder.getparent()
            # The holder is nearly always its owner's first child.
            if owner[0] is holder or first_child(owner, holder.tag) is holder:
                self._properties.setdefault(owner, {}).setdefault(tag, el)

    def _container(self, element: etree._Element, scope: _Scope | None, out: _Out) -> None:
        """Read the paragraphs and tables in `element` into `out`; `scope` is None inside a table cell."""
        for child in element:
            tag = child.tag
            if tag == _P:
                self._paragraph(child, scope, out)
            elif tag == _TBL:
                self._table(child, scope, out)
            elif tag == _SDT:
                self._content_control(child, scope, out)
            elif tag in _BLOCK_CONTAINERS:
                self._container(child, scope, out)

    def _content_control(self, sdt: etree._Element, scope: _Scope | None, out: _Out) -> None:
        content = first_child(sdt, _SDT_CONTENT)
        if content is None:
            return
        if not _is_toc_sdt(sdt):
            self._container(content, scope, out)
            return
        kept = len(out)
        self._container(content, scope, out)
        self.toc_entries_dropped += len(out) - kept
        del out[kept:]

    def _paragraph(self, p: etree._Element, scope: _Scope | None, out: _Out) -> None:
        locator = None
        if scope is not None:
            scope.paragraphs += 1
            locator = f"{scope.prefix}/p[{scope.paragraphs}]"
        para = self._read_paragraph(p)
        text = para.label.apply(para.text) if para.label else para.text
        if para.in_toc:
            self.toc_entries_dropped += bool(text.strip())
        elif text.strip():
            out.append(text if locator is None else _paragraph_block(para, text, locator))
        if self._has_text_boxes:
            for index, box in enumerate(_text_boxes(p), 1):
                self._container(box, None if locator is None else _Scope(f"{locator}/txbx[{index}]"), out)

    def _read_paragraph(self, p: etree._Element) -> _Paragraph:
        props = self._properties.get(p, _NO_PROPERTIES)
        style_id = self.styles.paragraph_style(props.get(_P_STYLE))
        facts = self._style_facts.get(style_id) or self._style_facts_of(style_id)
        if self._plain and p not in self._marked:
            # What `_inline` would read here: every run shown, no field open, nothing but w:t.
            text = "".join(_RUN_TEXTS(p))
            in_toc = facts.marks_toc
        else:
            fields = self.fields
            fields.start_paragraph()
            parts: list[str] = []
            links_to_toc = self._inline(p, parts)
            marks = fields.toc_marks()
            if links_to_toc:
                marks.add(_TocMark.LINK)
            text = "".join(parts)
            in_toc = facts.marks_toc or (bool(marks) and _is_toc_entry(marks, text))
        para = _Paragraph(text, facts.name, in_toc)
        if not in_toc:
            para.label = self._label(props.get(_NUM_PR), style_id)
            own_level = _outline_value(props.get(_OUTLINE_LVL))
            para.heading_level = _heading_level(own_level) if own_level is not None else facts.heading_level
        return para

    def _style_facts_of(self, style_id: str | None) -> _StyleFacts:
        if style_id not in self._style_facts:
            style = self.styles.name(style_id)
            match = _HEADING_STYLE.match(style or "")
            level = int(match.group(1)) if match else _heading_level(self.styles.outline_level(style_id))
            self._style_facts[style_id] = _StyleFacts(style, bool(style and _TOC_STYLE.search(style)), level)
        return self._style_facts[style_id]

    def _label(self, num_pr: etree._Element | None, style_id: str | None) -> NumberLabel | None:
        own, from_style = NumPr.from_element(num_pr), self.styles.num_pr(style_id)
        if own is None and from_style is None:
            return None
        resolved = resolve_num_pr(own, from_style, style_id, self.counter.numbering)
        return self.counter.next_label(*resolved) if resolved else None

    def _inline(self, element: etree._Element, parts: list[str]) -> bool:
        """Append the shown text under `element`; True when it holds a link to a TOC bookmark."""
        anchors_toc = False
        for child in element:
            tag = child.tag
            if tag == _R:
                self._run(child, parts)
            elif tag == _SDT:
                content = first_child(child, _SDT_CONTENT)
                anchors_toc |= content is not None and self._inline(content, parts)
            elif tag in _INLINE_CONTAINERS:
                if tag == _HYPERLINK and (child.get(_ANCHOR) or "").startswith("_Toc"):
                    anchors_toc = True
                if tag == _FLD_SIMPLE:
                    self.fields.simple(child.get(_INSTR) or "")
                anchors_toc |= self._inline(child, parts)
        return anchors_toc

    def _run(self, run: etree._Element, parts: list[str]) -> None:
        children = list(run)
        hidden = self._has_hidden_runs and _is_hidden(children)
        fields = self.fields
        hiding = hidden or fields.hiding()
        for child in children:
            tag = child.tag
            if tag == _FLD_CHAR:
                kind = child.get(_FLD_CHAR_TYPE)
                if kind == "begin":
                    fields.begin()
                elif kind == "separate":
                    fields.separate()
                elif kind == "end":
                    fields.end()
                hiding = hidden or fields.hiding()
            elif tag == _INSTR_TEXT:
                fields.instruction(child.text or "")
            elif hiding:
                continue
            elif tag == _T:
                parts.append(child.text or "")
            elif tag == _BR:
                if child.get(_TYPE) in (None, "textWrapping"):
                    parts.append("\n")
            elif tag in _RUN_CHARACTERS:
                parts.append(_RUN_CHARACTERS[tag])

    def _table(self, tbl: etree._Element, scope: _Scope | None, out: _Out) -> None:
        locator = None
        if scope is not None:
            scope.tables += 1
            locator = f"{scope.prefix}/tbl[{scope.tables}]"
        rows = _children(tbl, _TR)
        if len(rows) == 1:
            cells = _children(rows[0], _TC)
            if len(cells) == 1:
                self._container(cells[0], None if locator is None else _Scope(f"{locator}/tr[1]/tc[1]"), out)
                return
        origins: dict[int, str] = {}
        for index, tr in enumerate(rows, 1):
            cells = self._row_cells(tr, origins)
            if not any(cell.strip() for cell in cells):
                continue
            if locator is None:
                out.append(" ".join(cells))
            else:
                out.append(Block(kind="table_row", text="\t".join(cells), locator=f"{locator}/tr[{index}]",
                                 cells=tuple(cells)))

    def _row_cells(self, tr: etree._Element, origins: dict[int, str]) -> list[str]:
        """Cell texts of one row; `origins` carries each grid column's latest text down the rows."""
        properties = self._properties
        column = _int_val(properties.get(tr, _NO_PROPERTIES).get(_GRID_BEFORE), 0)
        cells: list[str] = []
        for tc in _children(tr, _TC):
            props = properties.get(tc, _NO_PROPERTIES)
            span = max(1, _int_val(props.get(_GRID_SPAN), 1))
            h_merge, v_merge = props.get(_H_MERGE), props.get(_V_MERGE)
            if h_merge is not None and h_merge.get(_VAL) != "restart":
                column += span
                continue
            if v_merge is not None and v_merge.get(_VAL) != "restart":
                text = origins.get(column, "")
            else:
                text = self._cell_text(tc)
                origins[column] = text
            cells.append(text)
            column += span
        return cells

    def _cell_text(self, tc: etree._Element) -> str:
        lines: list[str] = []
        self._container(tc, None, lines)
        # A tab inside a cell would read as a cell boundary in the row's text.
        return "\n".join(lines).replace("\t", " ")


def _paragraph_block(para: _Paragraph, text: str, locator: str) -> Block:
    return Block(
        kind="heading" if para.heading_level else "paragraph",
        text=text,
        locator=locator,
        label=para.label.text if para.label else None,
        heading_level=para.heading_level,
        style=para.style,
    )


def _is_hidden(run_children: list[etree._Element]) -> bool:
    """Whether a run's properties (its first w:rPr) switch on w:vanish."""
    for child in run_children:
        if child.tag == _RPR:
            return is_on(first_child(child, _VANISH))
    return False


def _heading_level(outline_level: int | None) -> int | None:
    """The heading level of an outline level; Word's level 9 (and anything out of range) is body text."""
    if outline_level is not None and 0 <= outline_level < _BODY_TEXT_OUTLINE_LEVEL:
        return outline_level + 1
    return None


def _children(element: etree._Element, tag: str) -> list[etree._Element]:
    """Children named `tag`, looking through content controls and custom XML wrappers."""
    found = []
    for child in element:
        child_tag = child.tag
        if child_tag == tag:
            found.append(child)
        elif child_tag == _SDT:
            content = first_child(child, _SDT_CONTENT)
            if content is not None:
                found += _children(content, tag)
        elif child_tag == _CUSTOM_XML:
            found += _children(child, tag)
    return found


def _text_boxes(p: etree._Element) -> list[etree._Element]:
    """Text box contents anchored in `p`, each once (Word also stores a VML fallback copy)."""
    boxes = []
    for box in p.iter(_TXBX_CONTENT):
        ancestor = box.getparent()
        while ancestor is not None and ancestor is not p:
            if ancestor.tag in (_MC_FALLBACK, _TXBX_CONTENT):
                break
            ancestor = ancestor.getparent()
        if ancestor is p:
            boxes.append(box)
    return boxes


def _int_val(element: etree._Element | None, default: int) -> int:
    try:
        return int(element.get(_VAL)) if element is not None else default
    except (TypeError, ValueError):
        return default
