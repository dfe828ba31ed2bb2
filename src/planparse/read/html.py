"""Web pages: the article of a government page, without its navigation, breadcrumbs and footer.

The page is cut into lines the way a browser shows it (block elements and <br> end a line,
a data table gives one line per row). Each line is weighed: prose counts for the article,
link lists and known chrome (data/html_boilerplate.txt) count against it. The element whose
lines weigh most is the article. Its title often stands outside that element (in an <h1>
above it, or only in <title>), so the title is looked for separately and put first.
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import lxml.html
from lxml import etree

from ..datafiles import load_lines
from ..errors import CorruptFileError
from ..labels import match_label
from .blocks import Block, BlockKind, ReaderOutput, ReadWarning
from .charset import decode_text, normalise_encoding

# Elements whose text a browser never shows as page text.
_INVISIBLE = frozenset({
    "script", "style", "noscript", "template", "head", "iframe", "object", "embed", "select",
    "option", "button", "input", "textarea", "svg", "math", "canvas", "map", "audio", "video",
})
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
    "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_CELLS = ("td", "th")

# Whitespace that only lays text out; U+3000 inside a line is kept (组　长：韩　正), only at its
# ends is it indentation.
_SPACES = re.compile(r"(?:[^\S\u3000]|[\u200b\ufeff])+")
_EDGE = " \u3000"
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.I)
_SENTENCE_END = re.compile(r"[。；;！？!?]")
_PROSE_MARK = re.compile(r"[，。；：、,;:！？]")
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜|\s-\s|--|—\s)\s*")
_ATTACHMENT = re.compile(r"^\s*附\s*件")
_WORD = re.compile(r"\w")
_FONT_SIZE = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)\s*(pt|px)", re.I)

# lxml.html's own parser has every element's Python class picked by a lookup written in
# Python, a large share of the reader's time; a plain parser with the same options builds the
# same tree. The one HtmlElement method the reader needs, text_content, is _STRING_CONTENT
# here, as lxml.html defines it; drop_tree is _drop_tree below.
_PARSER = etree.HTMLParser()
_STRING_CONTENT = etree.XPath("string()", smart_strings=False)
# The <meta> tags that give a page's title, most specific first, as (attribute, value); then <title>.
_TITLE_METAS = (("name", "ArticleTitle"), ("property", "og:title"), ("name", "title"))
_HEAD_TITLE = etree.XPath("//head/title//text()", smart_strings=False)
# The ids of `root` and the elements under it, as root.iter() would find them.
_IDS = etree.XPath("descendant-or-self::*/@id", smart_strings=False)

_MAX_CHROME_CHARS = 80
_LINK_SHARE = 0.5
_PROSE_CHARS = 10
_DATA_CELL_CHARS = 1000
_TITLE_LOOKBACK = 25
_TITLE_LOOKAHEAD = 12
_MAX_TITLE_CHARS = 120
_MAX_TITLE_LINES = 3
# A title found inside the article drops the lines above it; never more than this many.
_MAX_SKIPPED = 2


@dataclass
class _Line:
    text: str
    anchor: etree._Element
    chars: int
    link_chars: int
    kind: BlockKind = "paragraph"
    cells: tuple[str, ...] = ()
    heading_level: int | None = None
    # functools.cached_property takes a lock on every access (Python 3.11), and the article
    # search asks for the chain of every line.
    _chain: tuple[etree._Element, ...] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def chain(self) -> tuple[etree._Element, ...]:
        """The anchor and its ancestors, innermost first: asked for by several steps."""
        if self._chain is None:
            self._chain = (self.anchor, *self.anchor.iterancestors())
        return self._chain


def _is_link(line: _Line) -> bool:
    return line.link_chars >= _LINK_SHARE * line.chars


@lru_cache(maxsize=1)
def _chrome_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.I) for p in load_lines("html_boilerplate.txt"))


@lru_cache(maxsize=1)
def _title_kinds() -> tuple[str, ...]:
    return load_lines("html_title_kinds.txt")


def _squash(text: str) -> str:
    # str.split and re's \s both split on what str.isspace calls whitespace, U+3000 included;
    # split is the faster of the two.
    return "".join(text.split())


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip(_EDGE)


# The article and title search ask about the same lines several times each.
@lru_cache(maxsize=4096)
def is_chrome(text: str) -> bool:
    """True for a short line that is page furniture (当前位置, 打印本页, 版权所有...)."""
    squashed = _squash(text)
    if not squashed or len(squashed) > _MAX_CHROME_CHARS:
        return False
    return any(p.search(squashed) for p in _chrome_patterns())


# ----------------------------------------------------------------------------- charset


def declared_charset(data: bytes) -> str | None:
    """The charset a page names for itself in <meta> or an XML declaration, if any."""
    head = data[:32768]
    found = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return found.group(1).decode("ascii", "replace") if found else None


def _decode(data: bytes) -> tuple[str, str, list[ReadWarning]]:
    declared = declared_charset(data)
    text, encoding = decode_text(data, declared)
    warnings = []
    if declared and normalise_encoding(declared) != encoding:
        warnings.append(ReadWarning(
            "charset-mismatch",
            f"the page declares charset {declared} but its bytes are not {declared}; read as {encoding}",
        ))
    if "\ufffd" in text:
        warnings.append(ReadWarning(
            "undecodable-bytes", f"{text.count(chr(0xFFFD))} bytes could not be decoded as {encoding}",
        ))
    return text, encoding, warnings


# ----------------------------------------------------------------------------- parsing


def _parse(path: Path, text: str) -> etree._Element:
    # lxml refuses str input that still names its byte encoding, and a tree holding control
    # characters cannot be edited (dropping an element re-sets its neighbours' text).
    text = _CONTROL_CHARS.sub("", _XML_DECLARATION.sub("", text, count=1))
    if not text.strip():
        raise CorruptFileError(path, "the page has no markup or text")
    try:
        return lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise CorruptFileError(path, f"the HTML cannot be parsed ({exc})") from exc


def _tag(el: etree._Element) -> str | None:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else None


def _hidden_by_attribute(el: etree._Element) -> bool:
    # Pages hide <body> until a script has run; what is hidden below it stays hidden.
    if el.tag in ("html", "body"):
        return False
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return style is not None and _HIDDEN_STYLE.search(style) is not None


def _drop_invisible(root: etree._Element) -> None:
    """Drop comments, processing instructions, invisible elements and elements hidden by their
    attributes. libxml2's HTML parser gives tag names in lower case, so lxml finds the
    invisible elements by name in C; only the attributes need a look at every element."""
    # Asking for the attributes here first saves a call on every element without them.
    doomed = [*root.iter(etree.Comment, etree.ProcessingInstruction, etree.Entity, *_INVISIBLE),
              *(el for el in root.iter(etree.Element)
                if (el.get("hidden") is not None or el.get("style") is not None) and _hidden_by_attribute(el))]
    # The order of dropping does not matter: each tail joins the text before it either way,
    # and an element dropped twice (or inside a dropped one) changes nothing more.
    for el in doomed:
        if el.getparent() is not None:
            _drop_tree(el)


def _drop_tree(el: etree._Element) -> None:
    """Remove `el` with its children and text; its tail joins what came before (lxml.html's drop_tree)."""
    parent = el.getparent()
    if el.tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    parent.remove(el)


def _page_titles(root: etree._Element) -> list[str]:
    """What the page's head says its title is, most specific first."""
    # One search for <meta> in C rather than one XPath over the page per kind of meta tag.
    metas = list(root.iter("meta"))
    candidates = [
        [content for meta in metas if meta.get(attribute) == value and (content := meta.get("content")) is not None]
        for attribute, value in _TITLE_METAS
    ]
    candidates.append(_HEAD_TITLE(root))
    found = []
    for parts in candidates:
        text = _clean(" ".join(parts))
        if text:
            found.append(text)
    return found


# ----------------------------------------------------------------------------- lines


def _is_data_table(table: etree._Element) -> bool:
    # Old sites lay whole pages out with tables; only a flat grid of at least two columns
    # with cells of modest size is data to keep row by row.
    if table.find(".//table") is not None:
        return False
    rows = list(table.iter("tr"))
    if not rows or max(sum(1 for c in tr if _tag(c) in _CELLS) for tr in rows) < 2:
        return False
    return all(len(_squash(_STRING_CONTENT(cell))) <= _DATA_CELL_CHARS for tr in rows for cell in tr
               if _tag(cell) in _CELLS)


class _Collector:
    """Gathers inline text into lines, breaking where a browser would."""

    def __init__(self) -> None:
        self.lines: list[_Line] = []
        self._parts: list[str] = []
        self._links = 0
        self._anchor: etree._Element | None = None

    def add(self, text: str, anchor: etree._Element, in_link: bool) -> None:
        if self._anchor is None and text.strip():
            self._anchor = anchor
        self._parts.append(text)
        if in_link:
            self._links += len(_squash(text))

    def flush(self) -> None:
        # Without an anchor nothing but whitespace was added: there is no line to make.
        if self._anchor is not None:
            text = _clean("".join(self._parts))
            if text:
                self.lines.append(_Line(text, self._anchor, len(_squash(text)), self._links))
        # Every block element flushes on entry and exit, mostly with nothing added.
        if self._parts:
            self._parts, self._links, self._anchor = [], 0, None

    def walk(self, el: etree._Element, tag: str, anchor: etree._Element, in_link: bool) -> None:
        """Collect the lines of `el`, an element whose lower-cased tag is `tag`."""
        if tag == "br":
            self.flush()
            return
        if tag == "table" and _is_data_table(el):
            self.flush()
            self.lines.extend(_table_rows(el))
            return
        is_block = tag in _BLOCK
        if is_block:
            self.flush()
            anchor = el
        in_link = in_link or tag == "a"
        # Most elements have neither text nor tail: `add` is only called with some.
        add = self.add
        text = el.text
        if text:
            add(text, anchor, in_link)
        for child in el:
            child_tag = child.tag
            if isinstance(child_tag, str):
                self.walk(child, child_tag.lower(), anchor, in_link)
            tail = child.tail
            if tail:
                add(tail, anchor, in_link)
        if is_block:
            self.flush()


def _lines_of(el: etree._Element) -> list[_Line]:
    collector = _Collector()
    collector.walk(el, _tag(el) or "", el, False)
    collector.flush()
    return collector.lines


def _table_rows(table: etree._Element) -> list[_Line]:
    """One line per row, its cells in grid order. A cell that spans rows (rowspan) repeats its
    text in the rows below, as the .docx reader does for vertically merged cells: each row then
    reads on its own (序号 | 任务 | 牵头单位 with one 牵头单位 for several tasks)."""
    rows = []
    spanning: dict[int, tuple[int, str]] = {}   # grid column -> (rows still to fill, text)
    for tr in table.iter("tr"):
        cells, chars, links = [], 0, 0
        column = 0
        for cell in tr:
            if _tag(cell) not in _CELLS:
                continue
            column = _fill_spanning(cells, spanning, column)
            parts = _lines_of(cell)
            text = " ".join(p.text for p in parts)
            cells.append(text)
            chars += sum(p.chars for p in parts)
            links += sum(p.link_chars for p in parts)
            down = _span(cell.get("rowspan"))
            if down > 1:
                spanning[column] = (down - 1, text)
            column += _span(cell.get("colspan"))
        _fill_spanning(cells, spanning, column, to_end=True)
        if chars:
            rows.append(_Line("\t".join(cells), tr, chars, links, kind="table_row", cells=tuple(cells)))
    return rows


def _fill_spanning(cells: list[str], spanning: dict[int, tuple[int, str]], column: int,
                   to_end: bool = False) -> int:
    """Put the text of cells spanning down from above into `cells` at `column` and on; the next free column."""
    while column in spanning or to_end and any(c >= column for c in spanning):
        if column in spanning:
            left, text = spanning[column]
            cells.append(text)
            if left > 1:
                spanning[column] = (left - 1, text)
            else:
                del spanning[column]
        column += 1
    return column


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1


def _mark_headings(lines: list[_Line]) -> None:
    # The heading level an element stands under, by element: lines share most of their
    # ancestors, so each element is looked at once.
    under: dict[etree._Element, int | None] = {}
    for line in lines:
        if line.kind != "paragraph":
            continue
        level = None
        passed = []
        for el in line.chain:
            if el in under:
                level = under[el]
                break
            passed.append(el)
            level = _HEADINGS.get(_tag(el) or "")
            if level:
                break
        for el in passed:
            under[el] = level
        if level:
            line.kind, line.heading_level = "heading", level


# ----------------------------------------------------------------------------- the article


def _weight(line: _Line) -> int:
    if _is_link(line):
        return -line.chars
    if is_chrome(line.text):
        return -max(line.chars, _PROSE_CHARS)
    if line.chars >= _PROSE_CHARS or _PROSE_MARK.search(line.text) or match_label(line.text) is not None:
        return line.chars
    return -1


def _article(lines: list[_Line]) -> etree._Element | None:
    """The element whose lines weigh most; on a tie the innermost one."""
    scores: dict[etree._Element, int] = {}
    depth: dict[etree._Element, int] = {}
    for line in lines:
        w = _weight(line)
        chain = line.chain
        for i, el in enumerate(chain):
            if el in scores:
                scores[el] += w
            else:
                # An element's depth is the same in every chain it is part of.
                scores[el] = w
                depth[el] = len(chain) - i
    if not scores:
        return None
    best = max(scores, key=lambda el: (scores[el], depth[el]))
    return best if scores[best] > 0 else None


def _inside(line: _Line, root: etree._Element) -> bool:
    # Elements compare by identity, so this asks whether `root` is the anchor or an ancestor.
    return root in line.chain


# ----------------------------------------------------------------------------- the title


def _matches_title(text: str, titles: list[str]) -> bool:
    line = _squash(text)
    if len(line) < 4 or len(line) > _MAX_TITLE_CHARS:
        return False
    for title in titles:
        t = _squash(title)
        if line == t or (line in t and len(line) >= max(6, len(t) // 2)) or (t in line and len(t) >= 0.7 * len(line)):
            return True
    return False


def _title_variants(titles: list[str]) -> list[str]:
    """The head titles and their parts: `方案_某某局网站` also offers `方案`."""
    variants = list(titles)
    for title in titles:
        variants += [part for part in _TITLE_SPLIT.split(title) if len(_squash(part)) >= 6]
    return variants


def _style_signature(line: _Line) -> tuple:
    """The look of a line: its block's attributes and those of the elements holding its text."""
    anchor = line.anchor
    inner = frozenset((_tag(n), n.get("style"), n.get("class"), n.get("size"), n.get("face"))
                      for n in anchor.iterdescendants() if (n.text or "").strip())
    return _tag(anchor), anchor.get("style"), anchor.get("class"), anchor.get("align"), inner


def _title_style(line: _Line) -> int:
    """2 for a line in <h1>-<h3>, 1 for one that looks like a title, else 0."""
    if line.kind == "table_row" or line.link_chars or is_chrome(line.text) or match_label(line.text) is not None:
        return 0
    if not 4 <= line.chars <= _MAX_TITLE_CHARS or _SENTENCE_END.search(line.text) or line.text.endswith(("：", ":")):
        return 0
    if line.kind == "heading" and (line.heading_level or 9) <= 3:
        return 2
    markup = etree.tostring(line.anchor, encoding="unicode")[:2000].lower()
    sizes = [float(v) * (1.0 if unit.lower() == "pt" else 0.75) for v, unit in _FONT_SIZE.findall(markup)]
    emphasised = "center" in markup or "bold" in markup or "<strong" in markup or "<b>" in markup
    return int(emphasised or any(size >= 15 for size in sizes) or _squash(line.text).endswith(_title_kinds()))


def _join_title(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        glue = " " if text[-1:].isascii() and text[-1:].isalnum() and part[:1].isascii() and part[:1].isalnum() else ""
        text += glue + part
    return text


def _title_run(lines: list[_Line], start: int) -> int:
    """How many lines from `start` form one title split over several lines of equal style."""
    signature = _style_signature(lines[start])
    end = start + 1
    while (end < len(lines) and end - start < _MAX_TITLE_LINES and _title_style(lines[end])
           and not _PROSE_MARK.search(lines[end].text.rstrip("、"))
           and _style_signature(lines[end]) == signature):
        end += 1
    return end - start


def _substantive(line: _Line) -> bool:
    return len(_WORD.findall(line.text)) >= 2 and not is_chrome(line.text)


def _distances(lines: list[_Line], first: int) -> dict[int, int]:
    """For the lines around the article start, how many substantive lines lie in between."""
    dist: dict[int, int] = {}
    seen = 0
    for i in range(first, min(len(lines), first + _TITLE_LOOKAHEAD)):
        dist[i] = seen
        seen += _substantive(lines[i])
    seen = 0
    for i in range(first - 1, max(-1, first - _TITLE_LOOKBACK), -1):
        dist[i] = seen
        seen += _substantive(lines[i])
    return dist


def _title_score(line: _Line, distance: int, variants: list[str]) -> int:
    if line.kind == "table_row" or _is_link(line) or is_chrome(line.text):
        return 0
    squashed = _squash(line.text)
    if any(squashed == _squash(v) for v in variants):
        match = 3
    elif _matches_title(line.text, variants):
        match = 2
    else:
        match = 0
    style = _title_style(line)
    if not match and (not style or distance):
        return 0
    return match + style - distance


def _find_title(lines: list[_Line], first: int, titles: list[str]) -> tuple[int, int] | None:
    """Index and line count of the page's title near the article start `first`, if any.

    A line that repeats the head's title counts most, then one styled as a title; each
    substantive line between it and the article counts against it, so a site name in the
    banner far above loses to the heading right above the text.
    """
    variants = [v for v in _title_variants(titles) if len(_squash(v)) >= 6]
    scored = [(_title_score(lines[i], d, variants), -d, i) for i, d in _distances(lines, first).items()
              if i < first or d <= _MAX_SKIPPED]
    best = max(scored, default=(0, 0, -1))
    if best[0] <= 0:
        return None
    at = best[2]
    return at, _title_run(lines, at)


def _head_title_block(titles: list[str]) -> Block | None:
    # Only a head title that names a document (…方案, …通知) stands in for a missing title
    # line; one that names the site would mislead.
    for title in _title_variants(titles):
        if _squash(title).endswith(_title_kinds()):
            return Block(kind="heading", text=title, locator="/html/head/title", heading_level=1)
    return None


# ----------------------------------------------------------------------------- output


class _Locator:
    """Short XPaths: anchored at the nearest ancestor with a unique id where there is one."""

    def __init__(self, root: etree._Element) -> None:
        self._tree = root.getroottree()
        ids = Counter(i for i in _IDS(root) if i)
        self._unique = {i for i, n in ids.items() if n == 1 and '"' not in i}
        # Blocks share their ancestors: for each element looked at, the nearest element at or
        # above it with a unique id, as that id and the length of its path.
        self._anchors: dict[etree._Element, tuple[str, int] | None] = {}

    def __call__(self, el: etree._Element) -> str:
        path = self._tree.getpath(el)
        anchor = self._anchor(el) if self._unique else None
        if anchor is None:
            return path
        anchor_id, anchor_path_length = anchor
        return f'//*[@id="{anchor_id}"]' + path[anchor_path_length:]

    def _anchor(self, el: etree._Element) -> tuple[str, int] | None:
        passed = []
        found = None
        for anc in itertools.chain((el,), el.iterancestors()):
            if anc in self._anchors:
                found = self._anchors[anc]
                break
            passed.append(anc)
            anchor_id = anc.get("id")
            if anchor_id in self._unique:
                found = anchor_id, len(self._tree.getpath(anc))
                break
        for anc in passed:
            self._anchors[anc] = found
        return found


def _block(line: _Line, locate: _Locator) -> Block:
    return Block(kind=line.kind, text=line.text, locator=locate(line.anchor), cells=line.cells,
                 heading_level=line.heading_level)


def _select(lines: list[_Line], titles: list[str]) -> tuple[list[_Line], list[_Line]]:
    """The title's lines (none if the page shows no title) and the article's lines (none if
    no element holds more prose than links and chrome)."""
    article = _article(lines)
    if article is None:
        return [], []
    indices = [i for i, ln in enumerate(lines) if _inside(ln, article)]
    first, last = indices[0], indices[-1]
    found = _find_title(lines, first, titles)
    title: list[_Line] = []
    if found is not None:
        at, run = found
        title = lines[at:at + run]
        if at >= first:
            first = at + run
    body = [ln for ln in lines[first:last + 1] if _inside(ln, article) and not _droppable(ln)]
    # The title shown above the article is often repeated as its first line.
    repeated = _squash("".join(ln.text for ln in title))
    body = [ln for i, ln in enumerate(body) if not (i < 2 and _squash(ln.text) == repeated)]
    return title, _trim_links(body)


def _droppable(line: _Line) -> bool:
    """Chrome to leave out of the article; a table row only if all its cells are chrome (a
    schedule's row may well start with a date)."""
    if line.kind == "table_row":
        return all(is_chrome(cell) for cell in line.cells if cell.strip())
    return is_chrome(line.text)


def _trim_links(body: list[_Line]) -> list[_Line]:
    """Drop links that close the article (related reading), but not a list of attachments."""
    end = len(body)
    while end and _is_link(body[end - 1]):
        end -= 1
    if any(_ATTACHMENT.match(ln.text) for ln in body[max(0, end - 1):]):
        return body
    return body[:end]


def read_html(path: Path, data: bytes) -> ReaderOutput:
    """Read a web page: the title first (heading level 1), then the article's lines."""
    text, encoding, warnings = _decode(data)
    root = _parse(path, text)
    titles = _page_titles(root)
    _drop_invisible(root)
    lines = _lines_of(root)
    _mark_headings(lines)
    locate = _Locator(root)
    title, body = _select(lines, titles)
    blocks = []
    if title:
        blocks.append(Block(kind="heading", text=_join_title([ln.text for ln in title]),
                            locator=locate(title[0].anchor), heading_level=1))
    else:
        head_title = _head_title_block(titles)
        if head_title is not None:
            blocks.append(head_title)
    blocks += [_block(line, locate) for line in body]
    if not body:
        # Better the whole page than nothing: a person can still find the text in it.
        blocks += [_block(line, locate) for line in lines if all(line is not t for t in title)]
        warnings.append(ReadWarning("html-no-article", "no article found in the page; all its visible text kept"))
    return ReaderOutput(blocks=blocks, encoding=encoding, warnings=warnings)
