"""One file → plans: find each plan's title, issuer and extent.

A plan starts at its title (a short line ending in a plan word such as 实施方案, or, in text
glued without line breaks, such a phrase right after a sentence end) and runs to the next
plan's title. A covering notice (关于印发…的通知) is not a plan: the plan it issues starts
where that plan's own title is written. Text before the first title (site banners, download
notices, the notice) belongs to no plan.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain

from .datafiles import load_json
from .labels import Label, match_label
from .model import Span

_PUNCT_INSIDE_TITLE = re.compile(r"[。，,；;：:！？!?]")
# What the head of a title that names its issuer does not hold.
_NOT_IN_ISSUER = re.compile(r"[\d年“”\"（）()《》]|期间|时期")
_DOC_NUMBER = re.compile(r"\S*[〔\[［(（]\d{4}[〕\]］)）]\s*\d+\s*号")
# Punctuation inside quotes belongs to a quoted slogan or document name, not to the title.
_QUOTED = re.compile(r"“[^”]*”|《[^》]*》|\"[^\"]*\"")
# A publication note or the previous document's date, glued before a title by some sites.
_LEADING_NOTE = re.compile(r"^(?:[（(][^）)]{1,12}[）)]|[〇○零一二三四五六七八九十\d]{4}年[〇○一二三四五六七八九十\d]{1,2}月[〇○一二三四五六七八九十\d]{1,3}日)+")
_DUPLICATE_TITLE_WINDOW = 400
_ISSUER_LOOKBACK_LINES = 2
_TITLE_TAIL_MAX = 8
_PAGE_HEAD_MAX_CHARS = 300
_MAX_ISSUER_CHARS = 40


def config() -> dict:
    return load_json("plans.json")


@cache
def _trailers() -> re.Pattern[str]:
    return re.compile(config()["title_trailers"])


@cache
def _notice_pattern() -> re.Pattern[str]:
    return re.compile(config()["notice_pattern"])


@cache
def _glued_title() -> re.Pattern[str]:
    suffixes = "|".join(map(re.escape, config()["glued_title_suffixes"]))
    return re.compile(r"([^。！？；，,：:、\n“”《》()（）]{4,50}?(?:" + suffixes + r"))(?=[^的》”等，,：:。、；)）]|$)")


_SENTENCE_END = re.compile("[。！？]")


def _glued_titles(line: str) -> Iterator[re.Match[str]]:
    """The titles glued into a line of running text: each starts the line or follows a sentence
    end. Only those places are tried; a look-behind in the pattern would have the engine try
    the lazy 4-to-50-character repeat at every character of the line."""
    pos = 0
    for start in chain((0,), (m.end() for m in _SENTENCE_END.finditer(line))):
        if start < pos:
            continue
        m = _glued_title().match(line, start)
        if m is not None:
            yield m
            pos = m.end()


@dataclass(frozen=True)
class PlanExtent:
    title: str | None
    issuer: str | None
    span: Span
    title_span: Span | None
    body_start: int


def _bare(title: str) -> str:
    """The title without 《》, a leading note or date glued to it, or a trailer like （试行）."""
    # Two replaces rather than str.translate, which looks up every character of a long line.
    t = title.strip().replace("《", "").replace("》", "")
    t = _LEADING_NOTE.sub("", t)
    return _trailers().sub("", t).strip()


def _looks_like_title(line: str) -> bool:
    cfg = config()
    s = line.strip()
    bare = _bare(s)
    if not cfg["min_title_chars"] <= len(bare) <= cfg["max_title_chars"]:
        return False
    if _PUNCT_INSIDE_TITLE.search(_QUOTED.sub("", s)) or match_label(s) is not None:
        return False
    if bare.startswith(tuple(cfg["not_title_starts"])):
        return False
    suffix = next((x for x in cfg["title_suffixes"] if bare.endswith(x)), None)
    if suffix is None:
        return False
    return not (suffix in cfg["weak_title_suffixes"] and bare[: -len(suffix)].endswith("的"))


def _is_org_line(line: str) -> bool:
    s = line.strip()
    return (2 <= len(s) <= _MAX_ISSUER_CHARS and not _PUNCT_INSIDE_TITLE.search(s)
            and not re.search(r"\d", s) and s.endswith(tuple(config()["org_suffixes"])))


def issuer_in_title(title: str) -> str | None:
    """The body that a title names at its head: 安图县林业局 of 安图县林业局深化改革…实施方案."""
    best = None
    for suffix in config()["org_suffixes"]:
        at = title.find(suffix)
        while at >= 0:
            end = at + len(suffix)
            if end >= 2 and len(title) - end >= 4 and end <= 0.6 * len(title) \
                    and not _NOT_IN_ISSUER.search(title, 0, end) and (best is None or end > len(best)):
                best = title[:end]
            at = title.find(suffix, end)
    return best


@dataclass
class _Title:
    start: int
    end: int
    title: str
    line_start: int
    notice_issuer: str | None = None
    glued: bool = False


@dataclass(frozen=True)
class _Notice:
    """A covering notice's title line: who issues which plan."""

    issuer: str | None
    inner: str
    line: Span


def _notice(text: str, line: Span) -> _Notice | None:
    m = _notice_pattern().match(text[line[0]:line[1]].strip())
    if not m:
        return None
    issuer = _DOC_NUMBER.sub("", m.group("issuer")).strip() or None
    return _Notice(issuer, _bare(m.group("inner")), line)


def _lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _title_candidates(text: str, lines: list[tuple[int, int]]) -> list[_Title]:
    cfg = config()
    found: list[_Title] = []
    pending_notice: _Notice | None = None
    previous: tuple[int, int] | None = None
    for ls, le in lines:
        line = text[ls:le]
        notice = _notice(text, (ls, le))
        if notice:
            pending_notice = notice
            previous = None
            continue
        if _looks_like_title(line):
            offset = len(line) - len(line.lstrip())
            t = _Title(ls + offset, le, _bare(line), ls)
            if previous and _continues_title(text[previous[0]:previous[1]], line):
                # A long title is often set on two lines: 某某局深化改革优化营商环境 / 实施方案.
                t = _Title(previous[0], le, _bare(text[previous[0]:previous[1]].strip() + line.strip()), previous[0])
            if pending_notice and _bare(line) == pending_notice.inner:
                t.notice_issuer = pending_notice.issuer
            found.append(t)
        elif len(line) > cfg["max_title_chars"]:
            for m in _glued_titles(line):
                cand = m.group(1).strip()
                if any(w in cand for w in cfg["glued_title_stopwords"] + cfg["not_title_words"]):
                    continue
                if match_label(cand) is not None:
                    continue
                found.append(_Title(ls + m.start(1), ls + m.end(1), cand, ls + m.start(1), glued=True))
        previous = (ls, le)
    return found, pending_notice


def _continues_title(above: str, line: str) -> bool:
    """Whether `line` is the tail of a title whose head is the line `above`."""
    tail = _bare(line)
    head = above.strip()
    if not (len(tail) <= _TITLE_TAIL_MAX or tail.startswith("的")):
        return False
    return (0 < len(head) <= config()["max_title_chars"] and not _PUNCT_INSIDE_TITLE.search(head)
            and not _is_org_line(head) and not _looks_like_title(head) and match_label(head) is None)


def _drop_repeats(titles: list[_Title]) -> list[_Title]:
    """A page often writes its title twice (page head and article head): keep the first."""
    kept: list[_Title] = []
    for t in titles:
        if kept and kept[-1].title == t.title and t.start - kept[-1].end < _DUPLICATE_TITLE_WINDOW:
            continue
        kept.append(t)
    return kept


class _LineIndex:
    """The lines of a text and the section labels that open them, found once and looked up by
    position, so that work per title does not grow with the length of the file."""

    def __init__(self, text: str, lines: list[tuple[int, int]]):
        self.lines = lines
        self.starts = [a for a, _ in lines]
        self.labelled = [(a, lab) for a, _ in lines if (lab := match_label(text, a)) is not None]
        self.label_starts = [a for a, _ in self.labelled]

    def labels_between(self, start: int, end: int) -> list[Label]:
        lo = bisect.bisect_left(self.label_starts, start)
        hi = bisect.bisect_left(self.label_starts, end)
        return [lab for _, lab in self.labelled[lo:hi]]

    def lines_between(self, start: int, end: int) -> list[tuple[int, int]]:
        """The lines that start at or after `start` and end by `end`."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_right(self.starts, end)
        return [(a, b) for a, b in self.lines[lo:hi] if b <= end]


def _issuer_above(text: str, index: _LineIndex, t: _Title, floor: int) -> tuple[str, int] | None:
    above = index.lines_between(floor, t.line_start)[-_ISSUER_LOOKBACK_LINES:]
    for a, b in reversed(above):
        if _is_org_line(text[a:b]):
            return text[a:b].strip(), a
    return None


def _has_plan_structure(text: str, lines: list[tuple[int, int]]) -> bool:
    """Three or more numbered headings, most of them not questions (a FAQ is numbered too)."""
    numbered = [(a, b) for a, b in lines
                if (lab := match_label(text, a)) is not None and lab.family in ("cn", "arabic", "outline")]
    questions = sum(1 for a, b in numbered if text[b - 1] in "？?")
    return len(numbered) >= 3 and questions * 2 < len(numbered)


def _drop_page_heads(index: _LineIndex, titles: list[_Title]) -> list[_Title]:
    """A title with only a few lines and no numbered heading before the next title is the
    page's head (its <title>, a site's caption), not a plan: the next title starts the plan."""
    kept = []
    for t, nxt in zip(titles, [*titles[1:], None], strict=False):
        if nxt is not None and not t.glued and nxt.start - t.end < _PAGE_HEAD_MAX_CHARS \
                and not index.labels_between(t.end, nxt.start):
            continue
        kept.append(t)
    return kept


def _first_label(index: _LineIndex, start: int, end: int, scheme: str | None = None) -> Label | None:
    return next((lab for lab in index.labels_between(start, end) if scheme is None or lab.scheme == scheme), None)


def _drop_titles_inside_plans(text: str, index: _LineIndex, titles: list[_Title]) -> list[_Title]:
    """A plan's title repeated inside it (a running head carried into the text) is followed by
    numbering that goes on from before it (五、 … title … 六、); a new plan starts again at 1."""
    kept: list[_Title] = []
    for i, t in enumerate(titles):
        if kept and not t.glued:
            nxt = titles[i + 1].start if i + 1 < len(titles) else len(text)
            opening = _first_label(index, kept[-1].end, t.start)
            if opening is not None:
                after = _first_label(index, t.end, nxt, opening.scheme)
                if after is not None and after.number > 1:
                    continue
        kept.append(t)
    return kept


def find_plans(text: str) -> list[PlanExtent]:
    lines = _lines(text)
    titles, notice = _title_candidates(text, lines)
    index = _LineIndex(text, lines)
    titles = _drop_page_heads(index, _drop_repeats(titles))
    titles = _drop_titles_inside_plans(text, index, titles)
    if not titles:
        return _fallback_plan(text, lines, notice)
    plans: list[PlanExtent] = []
    starts = []
    floor = 0
    for t in titles:
        above = _issuer_above(text, index, t, floor)
        issuer = above[0] if above else (t.notice_issuer or (notice.issuer if notice and notice.inner == t.title else None))
        issuer = issuer or issuer_in_title(t.title)
        starts.append(above[1] if above else t.start)
        plans.append(PlanExtent(t.title, issuer, (0, 0), (t.start, t.end), t.end))
        floor = t.end
    out = []
    for i, p in enumerate(plans):
        end = starts[i + 1] if i + 1 < len(plans) else len(text)
        out.append(PlanExtent(p.title, p.issuer, (starts[i], end), p.title_span, p.body_start))
    return out


def _fallback_plan(text: str, lines: list[tuple[int, int]], notice: _Notice | None) -> list[PlanExtent]:
    """A file with no plan title of its own: one plan where it is laid out as one, else none.

    A covering notice whose plan follows without its title written again gives that plan its
    title and issuer."""
    if not lines or not _has_plan_structure(text, lines):
        return []
    if notice is not None:
        if not _looks_like_title(notice.inner):
            return []
        return [PlanExtent(notice.inner, notice.issuer, (notice.line[0], len(text)), None, notice.line[1])]
    head = " ".join(text[a:b] for a, b in lines[:3])
    if any(w in head for w in config()["not_title_words"]):
        return []
    first_s, first_e = lines[0]
    first = text[first_s:first_e].strip()
    if match_label(first) is None and len(first) <= config()["max_title_chars"] and not _PUNCT_INSIDE_TITLE.search(first):
        return [PlanExtent(_bare(first), issuer_in_title(_bare(first)), (first_s, len(text)), (first_s, first_e), first_e)]
    return [PlanExtent(None, None, (first_s, len(text)), None, first_s)]
