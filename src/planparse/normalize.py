"""One clean text per file, with a map from every character back to the source.

The reader's blocks are joined with newlines into a raw text; a series of local rewrites
(spaces, page-chunk numbers, punctuation width, OCR slips, hard wraps) turns it into the
normalised text. Each rewrite keeps, for every output character, the raw index it came
from, so any span of the normalised text leads back to a block and a place in the source.
"""
from __future__ import annotations

import bisect
import re
import statistics
from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from .datafiles import load_json
from .labels import match_label
from .read.blocks import Block

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201d\u2026\u2014"
_CJK_CHAR = re.compile(f"[{CJK}{CJK_PUNCT}]")


def _config() -> dict:
    return load_json("normalize.json")


@dataclass(frozen=True, slots=True)
class Change:
    """One rewrite of the raw text: `code` names its kind, `raw_span` where it acted."""

    code: str
    message: str
    raw_span: tuple[int, int]


def offset_array(values: Iterable[int] = ()) -> array[int]:
    """Character offsets, one machine integer each: a file's map holds one per character, which
    as Python ints would be made, copied and freed one object at a time."""
    return array("q", values)


# Texts up to this long take their first offset map as a slice of one kept map 0, 1, 2, …:
# a copy of machine integers rather than a Python int made and stored per character. The kept
# map grows to the longest such text read so far, at 8 bytes a character.
_KEPT_IDENTITY = 1 << 20
_identity = offset_array()


def identity_offsets(n: int) -> array[int]:
    """The offsets 0 … n-1."""
    global _identity
    if n > _KEPT_IDENTITY:
        return offset_array(range(n))
    if n > len(_identity):
        _identity = offset_array(range(min(_KEPT_IDENTITY, max(n, 2 * len(_identity)))))
    return _identity[:n]


class Rewriter:
    """Text plus, for each character, the index in the raw text it came from."""

    def __init__(self, text: str):
        self.text = text
        self.src = identity_offsets(len(text))
        self.raw_len = len(text)
        self.changes: list[Change] = []

    def _raw_pos(self, i: int) -> int:
        return self.src[i] if i < len(self.src) else self.raw_len

    def sub(self, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str | None],
            code: str, describe: Callable[[re.Match[str], str], str] | None = None) -> int:
        """Replace each match by repl(match); None keeps it. Returns how many were replaced."""
        edits: list[tuple[int, int, str]] = []
        for m in pattern.finditer(self.text):
            new = repl(m)
            if new is None or new == m.group():
                continue
            start, end = m.span()
            anchor = self._raw_pos(start)
            raw_span = (anchor, self._raw_pos(end - 1) + 1 if end > start else anchor)
            self.changes.append(Change(code, describe(m, new) if describe else code, raw_span))
            edits.append((start, end, new))
        if edits:
            self._apply(edits)
        return len(edits)

    def _apply(self, edits: list[tuple[int, int, str]]) -> None:
        text, old = self.text, self.src
        out: list[str] = []
        last = 0
        for start, end, new in edits:
            out.append(text[last:start])
            out.append(new)
            last = end
        out.append(text[last:])
        self.text = "".join(out)
        # Same-length replacements keep a one-to-one map, others point at the match start.
        # A pass whose replacements all keep their length leaves the map as it was, so it
        # is only rebuilt when some replacement grows or shrinks the text.
        if all(len(new) == end - start for start, end, new in edits):
            return
        src = offset_array()
        last = 0
        for start, end, new in edits:
            src += old[last:start]
            src += old[start:end] if len(new) == end - start else offset_array((self._raw_pos(start),)) * len(new)
            last = end
        src += old[last:]
        self.src = src

    def norm_span(self, raw_span: tuple[int, int]) -> tuple[int, int]:
        """Where a raw span ended up in the current text (possibly empty, for a deletion)."""
        start = bisect.bisect_left(self.src, raw_span[0])
        end = max(start, bisect.bisect_left(self.src, raw_span[1]))
        return start, end


@dataclass(frozen=True, slots=True)
class Correction:
    """A change listed for the user, with its span in the normalised text."""

    code: str
    message: str
    span: tuple[int, int]


@dataclass(frozen=True)
class OffsetMap:
    """Maps normalised offsets to blocks and source offsets; `src` holds, for each character of
    the normalised text, its offset in the raw text (see `offset_array`)."""

    src: array[int]
    block_starts: tuple[int, ...]
    blocks: tuple[Block, ...]

    def to_source(self, i: int) -> tuple[int, str, int | None]:
        """(block index, block locator, offset in the source) of normalised character i."""
        raw = self.src[min(i, len(self.src) - 1)] if self.src else 0
        b = max(0, bisect.bisect_right(self.block_starts, raw) - 1)
        block = self.blocks[b]
        within = raw - self.block_starts[b]
        offset = block.offset[0] + within if block.offset else None
        return b, block.locator, offset


@dataclass(frozen=True)
class NormalisedText:
    """The clean text; `changes` lists every rewrite, `corrections` those that fix the text
    (page-chunk numbers, OCR slips, rejoined wraps) rather than its spacing or punctuation
    width, which `summary` counts."""

    text: str
    offsets: OffsetMap
    changes: tuple[Correction, ...]
    corrections: tuple[Correction, ...]
    summary: tuple[Correction, ...]
    block_spans: tuple[tuple[int, int], ...]


def _is_cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJK_CHAR.match(ch))


_EDGE_SPACES = re.compile(r"[ \u3000\t](?<![ \u3000\t][ \u3000\t])"
                          r"(?:(?<![^\n][ \u3000\t])[ \u3000\t]*|[ \u3000\t]*$)", re.M)


@dataclass(frozen=True)
class _SpacePatterns:
    invisible: re.Pattern[str]
    symbols: re.Pattern[str]
    around_tabs: re.Pattern[str]
    runs: re.Pattern[str]


@cache
def _space_patterns() -> _SpacePatterns:
    cfg = _config()
    others = re.escape(cfg["spaces_to_ascii"])
    spaces = f"[{others} ]"
    # Both space patterns leave out what they would put back unchanged (a lone tab, a lone
    # space), which table rows and running text hold by the thousand.
    return _SpacePatterns(
        invisible=re.compile(f"[{re.escape(cfg['invisible'])}]"),
        # Symbol-font glyphs (Wingdings bullets and the like) sit in the private use area and
        # carry no text.
        symbols=re.compile(f"[{cfg['private_use']}]"),
        around_tabs=re.compile(f"{spaces}+\t[{others}\t ]*|\t[{others}\t ]+"),
        runs=re.compile(f"{spaces}(?:{spaces}+|(?<! ))"))


def _fold_spaces(rw: Rewriter) -> None:
    patterns = _space_patterns()
    rw.sub(patterns.invisible, lambda m: "", "invisible-removed")
    rw.sub(patterns.symbols, lambda m: "", "symbol-removed")
    # A tab is how a table row keeps its cells apart (and how a text file sets out columns):
    # it stays, as one tab, so that cells are not glued into one another. The pattern opens
    # with a repeat the engine cannot skip ahead on, so it is not run where there is no tab.
    if "\t" in rw.text:
        rw.sub(patterns.around_tabs, lambda m: "\t", "space-folded")
    rw.sub(patterns.runs, lambda m: " ", "space-folded")
    # Runs of ideographic spaces inside a line are how some sites glue paragraphs together.
    # Here and below, the look-behind comes after the first character: a pattern that opens
    # with a character (or set) lets the engine skip straight to the places it can match.
    rw.sub(re.compile(r"\u3000(?<=\S\u3000)\u3000+(?=\S)"), lambda m: "\n", "paragraph-split")

    def one_wide_space(m: re.Match[str]) -> str:
        before = rw.text[m.start() - 1] if m.start() else ""
        after = rw.text[m.end()] if m.end() < len(rw.text) else ""
        return "" if _is_cjk(before) and _is_cjk(after) else " "

    rw.sub(re.compile(r"[\u3000 ](?<=\S[\u3000 ])(?=\S)"), one_wide_space, "space-folded")
    # A run of spaces at the start or at the end of a line, tried once, from its first
    # character: the first look-behind rules out the middle of a run, the second asks for
    # the start of the text or a line break before it.
    rw.sub(_EDGE_SPACES, lambda m: "", "indent-removed")


_CHUNK_NUMBER = re.compile(r"(\d{1,4})、")


def _page_chunk_runs(lines: list[tuple[int, str]]) -> list[list[int]]:
    """Runs of consecutive lines that start 1、 2、 3、 … and cut sentences at line ends."""
    cfg = _config()["page_chunk"]
    ends = _config()["sentence_end"]
    numbered = [(i, int(m.group(1))) for i, (_, line) in enumerate(lines)
                if (m := _CHUNK_NUMBER.match(line))]
    runs: list[list[int]] = []
    current: list[tuple[int, int]] = []
    for i, n in numbered:
        if current and i == current[-1][0] + 1 and n == current[-1][1] + 1:
            current.append((i, n))
        else:
            if len(current) >= cfg["min_run"]:
                runs.append([i for i, _ in current])
            current = [(i, n)]
    if len(current) >= cfg["min_run"]:
        runs.append([i for i, _ in current])
    kept = []
    for run in runs:
        # The last chunk of a file is as short as the text left over, so it does not count.
        lengths = [len(lines[i][1]) for i in run[:-1]]
        cuts = [lines[i - 1][1][-1:] not in ends for i in run[1:]]
        if statistics.median(lengths) >= cfg["min_median_line_chars"] and \
                sum(cuts) >= cfg["min_cut_share"] * len(cuts):
            kept.append(run)
    return kept


def _remove_page_chunks(rw: Rewriter) -> None:
    lines, pos = [], 0
    for line in rw.text.split("\n"):
        if line:
            lines.append((pos, line))
        pos += len(line) + 1
    runs = _page_chunk_runs(lines)
    if not runs:
        return
    # A chunk number and the line break before it go together, so the cut word is whole again.
    starts = {lines[i][0] for run in runs for i in run[1:]}
    firsts = {lines[run[0]][0] for run in runs}

    def repl(m: re.Match[str]) -> str | None:
        pos = m.start() + (1 if m.group().startswith("\n") else 0)
        if pos in starts and m.group().startswith("\n"):
            return ""
        if pos in firsts and not m.group().startswith("\n"):
            return ""
        if pos in firsts:
            return "\n"
        return None

    rw.sub(re.compile(r"(?:^|\n)\d{1,4}、", re.M), repl, "page-chunk-number",
           lambda m, new: f"removed page-chunk number {m.group().strip()!r} and joined the text it cut")


@cache
def _halfwidth_pattern() -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(_config()["halfwidth_to_fullwidth"])) + "]")


def _fold_punctuation(rw: Rewriter) -> None:
    table = _config()["halfwidth_to_fullwidth"]
    text_of = rw

    def repl(m: re.Match[str]) -> str | None:
        ch = m.group()
        before = text_of.text[m.start() - 1] if m.start() else ""
        after = text_of.text[m.end()] if m.end() < len(text_of.text) else ""
        if ch in ",:" and before.isdigit() and after.isdigit():
            return None
        if ch == "(" and not (_is_cjk(after) or _is_cjk(before)):
            return None
        if ch == ")" and not (_is_cjk(before) or _is_cjk(after)):
            return None
        if ch not in "()" and not (_is_cjk(before) or _is_cjk(after)):
            return None
        return table[ch]

    rw.sub(_halfwidth_pattern(), repl, "width-folded")


_OCR_FULL_STOP = re.compile(f"[oO](?<=[X×{CJK}）][oO])(?=[{CJK}（“]|$)", re.M)


def _fix_ocr(rw: Rewriter) -> None:
    rw.sub(_OCR_FULL_STOP, lambda m: "。", "ocr-full-stop",
           lambda m, new: f"read {m.group()!r} between Chinese characters as 。")


_NARROW = re.compile("[\x00-\u2e7f]")


def _display_width(line: str) -> float:
    """Columns the line takes: a character below U+2E80 half a column, any other one."""
    return len(line) - 0.5 * len(_NARROW.findall(line))


def _wrap_width(lines: list[str]) -> float | None:
    cfg = _config()["hard_wrap"]
    ends = _config()["sentence_end"]
    if len(lines) < cfg["min_lines"]:
        return None
    widths = Counter(round(_display_width(s)) for s in lines if s[-1:] not in ends)
    if not widths:
        return None
    width, count = max(widths.items(), key=lambda kv: (kv[1] + widths.get(kv[0] - 1, 0) + widths.get(kv[0] + 1, 0), kv[0]))
    near = count + widths.get(width - 1, 0) + widths.get(width + 1, 0)
    if width < cfg["min_width"] or near < max(3, cfg["min_share_at_width"] * len(lines)):
        return None
    return width


def _rejoin_hard_wraps(rw: Rewriter, hard_breaks: set[int]) -> None:
    lines = rw.text.split("\n")
    width = _wrap_width([s for s in lines if s])
    if width is None:
        return
    ends = _config()["sentence_end"]
    fill = _config()["hard_wrap"]["fill_ratio"]
    pos = 0
    joins = set()
    for cur, nxt in zip(lines, lines[1:], strict=False):
        pos += len(cur)
        if cur and nxt and cur[-1] not in ends and _display_width(cur) >= fill * width \
                and match_label(nxt) is None and rw.src[pos] not in hard_breaks:
            joins.add(pos)
        pos += 1

    def repl(m: re.Match[str]) -> str | None:
        if m.start() not in joins:
            return None
        before, after = rw.text[m.start() - 1], rw.text[m.end()]
        return " " if before.isascii() and after.isascii() and before.isalnum() and after.isalnum() else ""

    rw.sub(re.compile("\n"), repl, "hard-wrap-joined", lambda m, new: "joined a line broken at the wrap width")


_SUMMARISED = {"invisible-removed", "symbol-removed", "space-folded", "indent-removed", "width-folded", "paragraph-split"}


def normalise(blocks: Iterable[Block], rejoin_wraps: bool = True) -> NormalisedText:
    """Join blocks into one text and clean it, keeping the map back to the source.

    `rejoin_wraps` is for formats whose lines may be hard-wrapped (plain text, PDF); in the
    others every block is a paragraph of its own.
    """
    blocks = tuple(blocks)
    starts, pieces, pos = [], [], 0
    for b in blocks:
        starts.append(pos)
        text = b.text.replace("\n", " ")
        pieces.append(text)
        pos += len(text) + 1
    raw = "\n".join(pieces)
    rw = Rewriter(raw)
    # Table rows and headings end where the source says they end, whatever their width.
    hard_breaks = {starts[i] - 1 for i, b in enumerate(blocks)
                   if i and (b.kind != "paragraph" or blocks[i - 1].kind != "paragraph")}
    _fold_spaces(rw)
    _remove_page_chunks(rw)
    _fold_punctuation(rw)
    _fix_ocr(rw)
    if rejoin_wraps:
        _rejoin_hard_wraps(rw, hard_breaks)
    changes = tuple(Correction(ch.code, ch.message, rw.norm_span(ch.raw_span)) for ch in rw.changes)
    corrections = [c for c in changes if c.code not in _SUMMARISED]
    counts = Counter(c.code for c in changes if c.code in _SUMMARISED)
    summary = tuple(Correction(code, f"{code.replace('-', ' ')}: {n} place(s)", (0, 0))
                    for code, n in sorted(counts.items()))
    block_spans = []
    for i, s in enumerate(starts):
        e = s + len(pieces[i])
        block_spans.append(rw.norm_span((s, e)))
    return NormalisedText(
        text=rw.text,
        offsets=OffsetMap(rw.src, tuple(starts), blocks),
        changes=changes,
        corrections=tuple(corrections),
        summary=summary,
        block_spans=tuple(block_spans),
    )
