"""Word automatic numbering: the list labels a reader sees, which python-docx leaves out.

Word keeps a numbered paragraph's label out of the text. The paragraph (or its style) names
a numbering instance `w:num` and a level `ilvl`; the instance points at a `w:abstractNum`
whose `w:lvl` says how to draw the label: `w:numFmt` (一 二 三, 1 2 3, ①), `w:lvlText`
(`（%1）`, `%1.%2`, where `%N` is the current value of level N), `w:start`. This module
reads word/numbering.xml and replays the counters in document order to get the labels back.

Counting follows Word rather than the letter of the spec where the two differ:
- every `w:num` that shares an `w:abstractNum` continues the same counters; a `w:num`
  with `w:lvlOverride/w:startOverride` restarts the overridden levels the first time it
  is used ("restart numbering" in Word is exactly such a new `w:num`);
- using a level restarts the deeper levels, unless their `w:lvlRestart` says otherwise;
- a `%N` for a level not used yet shows that level's start minus one (Word's `0.1` under
  a missing chapter), and a `%N` for a bullet or `none` level shows nothing.

Between a label and the text Word puts `w:suff` (a tab by default). A Chinese plan reads
`（一）总体要求`, not `（一）\t总体要求`, so a label is joined to its text directly when its
`w:suff` is `nothing` or it ends in punctuation (`、` `．` `.` `）`), and with one space
otherwise (`第一章 总则`, `1.1 目的`).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from ..errors import CorruptFileError, UnsafeFileError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

NO_NUMBERING = "0"

_PLACEHOLDER = re.compile(r"%([1-9])")
_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_OFF_VALUES = {"0", "false", "off"}


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML element or attribute, as lxml spells it."""
    return f"{{{W_NS}}}{tag}"


def first_child(el: etree._Element, tag: str) -> etree._Element | None:
    """The first child of `el` named `tag` (a Clark name): `el.find(tag)` without the cost of
    ElementPath, which a walk over every paragraph and run of a long document feels."""
    return next(el.iterchildren(tag), None)


_VAL, _NUM_PR, _NUM_ID, _ILVL = w("val"), w("numPr"), w("numId"), w("ilvl")


def safe_xml_parser() -> etree.XMLParser:
    """A parser that loads no DTD, fetches nothing and keeps libxml2's size limits.

    It is no defence against internal entities (see `declares_dtd`): callers refuse XML with a
    DTD before parsing it.
    """
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def declares_dtd(content: bytes) -> bool:
    """Whether XML bytes carry a DTD. libxml2 still expands internal entities inside attribute
    values even with resolve_entities=False, so XML with a DTD must not be parsed at all."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        content = content.decode("utf-16", errors="replace").encode("utf-8")
    return _DTD.search(content) is not None


def _val(el: etree._Element | None) -> str | None:
    return None if el is None else el.get(_VAL)


def _int(text: str | None, default: int | None = None) -> int | None:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def is_on(el: etree._Element | None) -> bool:
    """A WordprocessingML on/off property: present and not switched off by its w:val."""
    return el is not None and (el.get(_VAL) or "true").lower() not in _OFF_VALUES


# ---------------------------------------------------------------------------------------
# Number formats (ST_NumberFormat)

_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
_IDEOGRAPH_DIGITS = "〇一二三四五六七八九"
_COUNTING_DIGITS = "零一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_TRADITIONAL_DIGITS = "零壹貳參肆伍陸柒捌玖"
_COUNTING_UNITS = ("", "十", "百", "千")
_LEGAL_UNITS = ("", "拾", "佰", "仟")
_MYRIADS = ("", "万", "亿")
_MYRIADS_TRADITIONAL = ("", "萬", "億")
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_MAX_LETTER_REPEATS = 20
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _positional(n: int, digits: str) -> str:
    return "".join(digits[int(d)] for d in str(n))


def _chinese_counting(n: int) -> str:
    # Word's chineseCounting says 十一 and 二十一 but writes 100 and up digit by digit.
    if n < 10:
        return _IDEOGRAPH_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        head = "十" if tens == 1 else _IDEOGRAPH_DIGITS[tens] + "十"
        return head + (_IDEOGRAPH_DIGITS[ones] if ones else "")
    return _positional(n, _IDEOGRAPH_DIGITS)


def _group_of_four(g: int, digits: str, units: tuple[str, ...]) -> str:
    out, gap = "", False
    for power in (3, 2, 1, 0):
        d = g // 10**power % 10
        if d == 0:
            gap = bool(out)
            continue
        if gap:
            out += digits[0]
            gap = False
        out += digits[d] + units[power]
    return out


def _grouped(n: int, digits: str, units: tuple[str, ...], myriads: tuple[str, ...]) -> str:
    """Chinese reading of a number in groups of four digits: 一万零三百, 壹佰零壹."""
    if n == 0:
        return digits[0]
    groups = []
    rest = n
    while rest:
        rest, g = divmod(rest, 10000)
        groups.append(g)
    if len(groups) > len(myriads):
        return str(n)
    out = ""
    for index in range(len(groups) - 1, -1, -1):
        g = groups[index]
        if g == 0:
            continue
        if out and (g < 1000 or groups[index + 1] == 0):
            out += digits[0]
        out += _group_of_four(g, digits, units) + myriads[index]
    return out


def _chinese_counting_thousand(n: int) -> str:
    text = _grouped(n, _COUNTING_DIGITS, _COUNTING_UNITS, _MYRIADS)
    # Spoken Chinese drops the 一 of 一十 only at the head of 10..19: 十一, but 一百一十.
    return text[1:] if 10 <= n < 20 else text


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, glyphs in _ROMAN:
        count, n = divmod(n, value)
        out += glyphs * count
    return out


def _letter(n: int) -> str:
    # Word repeats the letter past z (aa, bb), it does not count in base 26. A crafted start
    # value could ask for millions of letters, hence the cap.
    repeats = (n - 1) // 26 + 1
    return chr(ord("a") + (n - 1) % 26) * repeats if repeats <= _MAX_LETTER_REPEATS else str(n)


def _enclosed(first: int, size: int) -> Callable[[int], str]:
    def render(n: int) -> str:
        return chr(first + n - 1) if 1 <= n <= size else str(n)
    return render


def _cycle(glyphs: str) -> Callable[[int], str]:
    def render(n: int) -> str:
        return glyphs[(n - 1) % len(glyphs)]
    return render


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda n: f"0{n}" if 0 <= n < 10 else str(n),
    "decimalFullWidth": lambda n: str(n).translate(_FULL_WIDTH_DIGITS),
    "decimalFullWidth2": lambda n: str(n).translate(_FULL_WIDTH_DIGITS),
    "decimalEnclosedCircle": _enclosed(0x2460, 20),
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 20),
    "decimalEnclosedFullstop": _enclosed(0x2488, 20),
    "decimalEnclosedParen": _enclosed(0x2474, 20),
    "ideographEnclosedCircle": _enclosed(0x3280, 10),
    "chineseCounting": _chinese_counting,
    "taiwaneseCounting": _chinese_counting,
    "chineseCountingThousand": _chinese_counting_thousand,
    "taiwaneseCountingThousand": _chinese_counting_thousand,
    "chineseLegalSimplified": lambda n: _grouped(n, _LEGAL_DIGITS, _LEGAL_UNITS, _MYRIADS),
    "ideographLegalTraditional": lambda n: _grouped(
        n, _LEGAL_TRADITIONAL_DIGITS, _LEGAL_UNITS, _MYRIADS_TRADITIONAL),
    "ideographDigital": lambda n: _positional(n, _IDEOGRAPH_DIGITS),
    "taiwaneseDigital": lambda n: _positional(n, _IDEOGRAPH_DIGITS),
    "ideographTraditional": _cycle(_HEAVENLY_STEMS),
    "ideographZodiac": _cycle(_EARTHLY_BRANCHES),
    "lowerLetter": _letter,
    "upperLetter": lambda n: _letter(n).upper(),
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperRoman": _roman,
    "ordinal": _ordinal,
    "numberInDash": lambda n: f"- {n} -",
}

SILENT_FORMATS = frozenset({"bullet", "none"})


def format_number(n: int, num_fmt: str) -> str:
    """`n` drawn in the ST_NumberFormat `num_fmt`; formats not listed fall back to decimal.

    Bullets and `none` draw no number. Below 1 most systems have no glyph, so Word's
    fallback to decimal is used there too (except the counting systems, which have 〇).
    """
    if num_fmt in SILENT_FORMATS:
        return ""
    render = _FORMATS.get(num_fmt, str)
    if n < 0 or (n == 0 and render not in (_chinese_counting, _chinese_counting_thousand)):
        return str(n)
    return render(n)


# ---------------------------------------------------------------------------------------
# Definitions

@dataclass(frozen=True)
class Level:
    """One `w:lvl`: how one level of a list is counted and drawn."""

    num_fmt: str = "decimal"
    text: str = ""
    start: int = 0
    restart: int | None = None
    legal: bool = False
    suffix: str = "tab"
    style_id: str | None = None

    @classmethod
    def from_element(cls, lvl: etree._Element) -> Level:
        # Without w:start a level starts at 0, the spec's default.
        return cls(
            num_fmt=_num_fmt(lvl),
            text=_val(lvl.find(w("lvlText"))) or "",
            start=_int(_val(lvl.find(w("start"))), 0) or 0,
            restart=_int(_val(lvl.find(w("lvlRestart")))),
            legal=is_on(lvl.find(w("isLgl"))),
            suffix=_val(lvl.find(w("suff"))) or "tab",
            style_id=_val(lvl.find(w("pStyle"))),
        )

    def restarts_after(self, own_ilvl: int, used_ilvl: int) -> bool:
        """Whether a paragraph at `used_ilvl` sends this level (at `own_ilvl`) back to its start."""
        if used_ilvl >= own_ilvl:
            return False
        # w:lvlRestart is one-based; 0 means never; a value not above this level is ignored.
        if self.restart is None or self.restart > own_ilvl:
            return True
        return self.restart != 0 and used_ilvl < self.restart


def _num_fmt(lvl: etree._Element) -> str:
    fmt = lvl.find(w("numFmt"))
    if fmt is None:
        # Word 2010 wraps custom formats (001, 002) in mc:AlternateContent with a plain fallback.
        fmt = lvl.find(f"{{{MC_NS}}}AlternateContent/{{{MC_NS}}}Fallback/{w('numFmt')}")
    return _val(fmt) or "decimal"


@dataclass(frozen=True)
class NumInstance:
    """One `w:num`: a use of an abstract list, possibly restarting or redefining levels."""

    abstract_id: str
    start_overrides: Mapping[int, int] = field(default_factory=dict)
    level_overrides: Mapping[int, Level] = field(default_factory=dict)

    @classmethod
    def from_element(cls, num: etree._Element) -> NumInstance:
        starts: dict[int, int] = {}
        levels: dict[int, Level] = {}
        for override in num.findall(w("lvlOverride")):
            ilvl = _int(override.get(w("ilvl")))
            if ilvl is None:
                continue
            start = _int(_val(override.find(w("startOverride"))))
            if start is not None:
                starts[ilvl] = start
            lvl = override.find(w("lvl"))
            if lvl is not None:
                levels[ilvl] = Level.from_element(lvl)
        return cls(_val(num.find(w("abstractNumId"))) or "", starts, levels)


@dataclass(frozen=True)
class NumPr:
    """A `w:numPr`: which list (`num_id`) and level (`ilvl`) a paragraph or style asks for."""

    num_id: str | None = None
    ilvl: int | None = None

    @classmethod
    def from_ppr(cls, ppr: etree._Element | None) -> NumPr | None:
        return cls.from_element(None if ppr is None else first_child(ppr, _NUM_PR))

    @classmethod
    def from_element(cls, num_pr: etree._Element | None) -> NumPr | None:
        """The NumPr of a `w:numPr` element, None for no element."""
        if num_pr is None:
            return None
        return cls(_val(first_child(num_pr, _NUM_ID)), _int(_val(first_child(num_pr, _ILVL))))


class Numbering:
    """The numbering definitions of one document (word/numbering.xml)."""

    def __init__(
        self,
        abstracts: Mapping[str, Mapping[int, Level]],
        nums: Mapping[str, NumInstance],
        style_links: Mapping[str, str] | None = None,
        style_num_id: Callable[[str], str | None] | None = None,
    ):
        self._abstracts = abstracts
        self._nums = nums
        self._style_links = style_links or {}
        self._style_num_id = style_num_id or (lambda _style_id: None)

    @classmethod
    def from_element(
        cls, root: etree._Element | None, style_num_id: Callable[[str], str | None] | None = None
    ) -> Numbering:
        """Read a parsed `w:numbering` root; `style_num_id` maps a numbering style to its numId."""
        abstracts: dict[str, dict[int, Level]] = {}
        links: dict[str, str] = {}
        nums: dict[str, NumInstance] = {}
        if root is not None:
            for abstract in root.findall(w("abstractNum")):
                aid = abstract.get(w("abstractNumId")) or ""
                abstracts[aid] = {
                    ilvl: Level.from_element(lvl)
                    for lvl in abstract.findall(w("lvl"))
                    if (ilvl := _int(lvl.get(w("ilvl")))) is not None
                }
                link = _val(abstract.find(w("numStyleLink")))
                if link:
                    links[aid] = link
            for num in root.findall(w("num")):
                nid = num.get(w("numId"))
                if nid is not None:
                    nums[nid] = NumInstance.from_element(num)
        return cls(abstracts, nums, links, style_num_id)

    @classmethod
    def from_xml(
        cls, data: bytes, style_num_id: Callable[[str], str | None] | None = None, path: str | Path | None = None
    ) -> Numbering:
        """Parse numbering.xml bytes, refusing any with a DTD (an entity bomb); `path` names the
        file the bytes come from in errors."""
        if declares_dtd(data):
            raise UnsafeFileError(path, "numbering.xml declares a DTD (<!DOCTYPE>/<!ENTITY>)")
        try:
            root = etree.fromstring(data, safe_xml_parser())
        except etree.XMLSyntaxError as exc:
            raise CorruptFileError(path, f"numbering.xml is not well-formed XML ({exc})") from exc
        return cls.from_element(root, style_num_id)

    def abstract_id(self, num_id: str) -> str | None:
        """The abstractNum whose levels `num_id` draws, following numbering-style links."""
        num = self._nums.get(num_id)
        if num is None:
            return None
        aid = num.abstract_id
        seen = {aid}
        # A list that uses a numbering style only names the style; its levels live in the
        # abstractNum of the num that style points to.
        while aid in self._style_links:
            linked_num = self._nums.get(self._style_num_id(self._style_links[aid]) or "")
            if linked_num is None or linked_num.abstract_id in seen:
                break
            aid = linked_num.abstract_id
            seen.add(aid)
        return aid if aid in self._abstracts else None

    def levels(self, num_id: str) -> dict[int, Level]:
        """The levels `num_id` draws with: the abstract list's, with this num's overrides applied."""
        aid = self.abstract_id(num_id)
        if aid is None:
            return {}
        num = self._nums[num_id]
        levels = dict(self._abstracts[aid])
        levels.update(num.level_overrides)
        for ilvl, start in num.start_overrides.items():
            if ilvl in levels:
                levels[ilvl] = replace(levels[ilvl], start=start)
        return levels

    def start_overrides(self, num_id: str) -> Mapping[int, int]:
        num = self._nums.get(num_id)
        return num.start_overrides if num is not None else {}

    def ilvl_for_style(self, num_id: str, style_id: str) -> int | None:
        """The level tied to a paragraph style by `w:lvl/w:pStyle`, if any."""
        for ilvl, level in sorted(self.levels(num_id).items()):
            if level.style_id == style_id:
                return ilvl
        return None


def resolve_num_pr(
    own: NumPr | None, from_style: NumPr | None, style_id: str | None, numbering: Numbering
) -> tuple[str, int] | None:
    """The (numId, ilvl) a paragraph is numbered with, or None when it is not numbered.

    The paragraph's own numPr wins over its style's (which the caller has already merged along
    the basedOn chain); numId 0 switches numbering off. Without an ilvl anywhere, the level
    bound to the paragraph's style by `w:lvl/w:pStyle` is used, else level 0.
    """
    own = own or NumPr()
    from_style = from_style or NumPr()
    num_id = own.num_id if own.num_id is not None else from_style.num_id
    if num_id is None or num_id == NO_NUMBERING:
        return None
    ilvl = own.ilvl if own.ilvl is not None else from_style.ilvl
    if ilvl is None and style_id is not None:
        ilvl = numbering.ilvl_for_style(num_id, style_id)
    return num_id, ilvl or 0


# ---------------------------------------------------------------------------------------
# Counting and drawing

@dataclass(frozen=True)
class NumberLabel:
    """A drawn list label (`（二）`, `1.2`) and the `w:suff` that follows it."""

    text: str
    suffix: str = "tab"

    def separator(self) -> str:
        if self.suffix == "nothing":
            return ""
        last = self.text[-1:]
        return "" if not last or last.isspace() or unicodedata.category(last).startswith("P") else " "

    def apply(self, text: str) -> str:
        """The paragraph text as a reader sees it, label first."""
        return f"{self.text}{self.separator()}{text}" if text else self.text


def render_level_text(
    ilvl: int, levels: Mapping[int, Level], values: Mapping[int, int]
) -> str:
    """Fill the `%N` placeholders of level `ilvl`'s lvlText with the counters in `values`."""
    own = levels[ilvl]

    def fill(match: re.Match[str]) -> str:
        k = int(match.group(1)) - 1
        level = levels.get(k)
        if level is None or level.num_fmt in SILENT_FORMATS:
            return ""
        value = values.get(k, level.start - 1)
        # Legal numbering (w:isLgl) draws every number of the label in Arabic digits.
        return format_number(value, "decimal" if own.legal else level.num_fmt)

    return _PLACEHOLDER.sub(fill, own.text)


class ListCounter:
    """Replays Word's list counters over the paragraphs of a document, in order."""

    def __init__(self, numbering: Numbering):
        self.numbering = numbering
        self._values: dict[str, dict[int, int]] = {}
        self._used_nums: set[str] = set()

    def next_label(self, num_id: str, ilvl: int) -> NumberLabel | None:
        """Count one paragraph at (`num_id`, `ilvl`) and return its label (None for bullets)."""
        levels = self.numbering.levels(num_id)
        level = levels.get(ilvl)
        aid = self.numbering.abstract_id(num_id)
        if level is None or aid is None:
            return None
        values = self._values.setdefault(aid, {})
        if num_id not in self._used_nums:
            self._used_nums.add(num_id)
            for overridden in self.numbering.start_overrides(num_id):
                values.pop(overridden, None)
        values[ilvl] = values.get(ilvl, level.start - 1) + 1
        for k, deeper in levels.items():
            if deeper.restarts_after(k, ilvl):
                values.pop(k, None)
        if level.num_fmt == "bullet":
            return None
        text = render_level_text(ilvl, levels, values)
        return NumberLabel(text, level.suffix) if text.strip() else None
