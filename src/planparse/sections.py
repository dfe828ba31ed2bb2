"""The section tree: numbered headings found in a plan's text, placed by the plan's own order.

Levels are not fixed per numbering style. Each plan's first use of a style decides its depth,
and a label is placed by what it continues: the next number of an open list, a new list
(number 1) under the current heading, a counter that runs on across higher headings, or,
for a mixed plan (`1、` `2、` then `三、`), the number that comes next at an open level.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .labels import Label, match_label, numbering_config
from .model import ParseWarning, Section, Span

_SENTENCE_BOUNDARY = "。；：！？!?;:”\n"
_SHORT_HEADING_MAX = 20
_RECENT_HEADING_CHARS = 40
_LONG_LINE_CHARS = 400
_RUNIN_TITLE_MAX = 12
_KEY_VALUE_LINE_MAX = 40
_PARALLEL_MIN = 8
_PARALLEL_MAX = 16
_RUNIN_TITLE = re.compile(f"([^。，,；;：:、“”（）()]{{2,{_RUNIN_TITLE_MAX}}})。")


@dataclass(slots=True)
class _Open:
    scheme: str
    family: str
    shape: str
    number: int | None
    index: int
    list_caption: bool = False


@dataclass(slots=True)
class _Heading:
    start: int
    label: Label | None
    title: str
    title_end: int
    scheme: str
    family: str
    shape: str
    number: int | None
    mid_line: bool = False


class _Depths:
    """Depths of the open headings grouped by a key, shallowest first.

    The stack of open headings only grows and shrinks at its deep end, so each group does too:
    keeping the groups up to date costs one step per heading opened or closed, and the rules
    look a heading's candidates up instead of scanning the whole stack.
    """

    def __init__(self) -> None:
        self._groups: dict[tuple[object, ...], list[int]] = {}

    def push(self, key: tuple[object, ...], depth: int) -> None:
        self._groups.setdefault(key, []).append(depth)

    def pop(self, key: tuple[object, ...]) -> None:
        group = self._groups[key]
        group.pop()
        if not group:
            del self._groups[key]

    def shallowest(self, key: tuple[object, ...]) -> int | None:
        group = self._groups.get(key)
        return group[0] if group else None

    def deepest(self, key: tuple[object, ...]) -> int | None:
        group = self._groups.get(key)
        return group[-1] if group else None


def _parallel_key(h: _Heading) -> str | None:
    """The opening a short unnumbered sentence must share to stand beside `h` (see `parallel_depth`)."""
    return h.title[:2] if h.label is not None and len(h.title) >= _PARALLEL_MIN else None


class _Placer:
    """Keeps the open headings and decides where each new heading goes."""

    def __init__(self) -> None:
        self.stack: list[_Open] = []
        self._keys: list[list[tuple[object, ...]]] = []
        self._depths = _Depths()
        self.seen: dict[str, tuple[int, int | None]] = {}
        self.warnings: list[ParseWarning] = []

    def _truncate(self, level: int) -> None:
        while len(self.stack) >= level:
            self.stack.pop()
            for key in self._keys.pop():
                self._depths.pop(key)

    def _push(self, entry: _Open, parallel_key: str | None) -> None:
        self.stack.append(entry)
        depth = len(self.stack)
        keys: list[tuple[object, ...]] = [("scheme", entry.scheme)]
        if entry.number is not None:
            keys += [("scheme-number", entry.scheme, entry.number),
                     ("family-number", entry.family, entry.number),
                     ("shape-number", entry.shape, entry.number)]
        if parallel_key is not None:
            keys.append(("parallel", parallel_key))
        for key in keys:
            self._depths.push(key, depth)
        self._keys.append(keys)

    def deepest_of_scheme(self, scheme: str) -> int | None:
        return self._depths.deepest(("scheme", scheme))

    def parallel_depth(self, sentence: str) -> int | None:
        """In text glued without line breaks, a heading that lost its number is still a short
        sentence worded like its numbered siblings (全力做好… / 全力开展… / 全力抓好…): the level
        of the open heading whose title opens with the same two characters, if any."""
        return self._depths.deepest(("parallel", sentence[:2]))

    def rule_for(self, h: _Heading) -> tuple[str, int]:
        """Which rule places `h` and at what level, without changing anything."""
        n = h.number
        if n is None:
            return self._unnumbered_rule(h)
        continued = self._depths.deepest(("scheme-number", h.scheme, n - 1))
        if continued is not None:
            return "continue", continued
        if n == 1:
            top = self.stack[-1] if self.stack else None
            if top and (top.scheme == h.scheme or top.list_caption):
                return "restart", len(self.stack)
            return "open", len(self.stack) + 1
        if h.scheme in self.seen:
            level, last = self.seen[h.scheme]
            if last == n - 1 and level <= len(self.stack) + 1:
                return "run-on", level
        follows = self._depths.shallowest(("family-number", h.family, n - 1))
        if follows is None:
            follows = self._depths.shallowest(("shape-number", h.shape, n - 1))
        if follows is not None:
            return "numeric-continue", follows
        if h.scheme in self.seen:
            return "gap", min(self.seen[h.scheme][0], len(self.stack) + 1)
        return "new", len(self.stack) + 1

    def _unnumbered_rule(self, h: _Heading) -> tuple[str, int]:
        depth = self._depths.shallowest(("scheme", h.scheme))
        if depth is not None:
            return "continue", depth
        if h.scheme in self.seen:
            return "seen", min(self.seen[h.scheme][0], len(self.stack) + 1)
        return "new", len(self.stack) + 1

    def place(self, h: _Heading, index: int, rule: str, level: int, caption: bool = False) -> tuple[int, int | None]:
        """Put `h` at `level`; returns (level, index of its parent or None)."""
        if rule == "gap":
            last = self.seen[h.scheme][1]
            expected = (last or 0) + 1
            self.warnings.append(ParseWarning(
                "numbering-skip",
                f"{h.label.text if h.label else h.title}: expected number {expected}, found {h.number}",
                (h.start, h.title_end)))
        elif rule == "new" and h.number not in (None, 1):
            self.warnings.append(ParseWarning(
                "numbering-start", f"{h.label.text if h.label else h.title}: a list that starts at {h.number}",
                (h.start, h.title_end)))
        self._truncate(level)
        parent = self.stack[-1].index if self.stack else None
        self._push(_Open(h.scheme, h.family, h.shape, h.number, index, caption), _parallel_key(h))
        self.seen[h.scheme] = (level, h.number)
        return level, parent


def _title_end(text: str, start: int, limit: int) -> int:
    """Where a run-in heading's title ends: its first 。 or ： outside brackets and quotes."""
    terminators = numbering_config()["title_terminators"]
    depth = 0
    for i in range(start, limit):
        ch = text[i]
        if ch in "（(《“【":
            depth += 1
        elif ch in "）)》”】":
            depth = max(0, depth - 1)
        elif ch in terminators and depth == 0:
            return i
    return limit


def _make_heading(text: str, label: Label, limit: int, mid_line: bool) -> _Heading:
    max_chars = numbering_config()["max_title_chars"]
    end = _title_end(text, label.end, min(limit, label.end + max_chars))
    title = text[label.end:end].strip()
    return _Heading(label.start, label, title, end, label.scheme, label.family, label.shape, label.number, mid_line)


_DATE_LINE = re.compile(r"^[\d〇零一二三四五六七八九十XＸ]{2,4}\s*年.{0,6}月.{0,4}日?$")
_NOT_CAPTION = re.compile(r"(附件|联系人|联系电话|电话|邮箱|地址|抄送|印发|主题词)")


def _is_caption(line: str, org_suffixes: tuple[str, ...]) -> bool:
    """A short line of its own that may head what follows (an unnumbered heading). A colon may
    end it (`九月份：`); whether it then really heads a list is decided by what follows."""
    s = line.strip().rstrip("：:")
    if not 2 <= len(s) <= _SHORT_HEADING_MAX:
        return False
    if re.search(r"[。，,；;！？!?、：:（）()]", s) or _DATE_LINE.match(s) or _NOT_CAPTION.match(s):
        return False
    if sum(1 for c in s if "\u4e00" <= c <= "\u9fff") < 2:
        return False
    # Collectives (各乡镇…) and bodies (…中心, …局) on a line of their own are members of a
    # list or a signature, not headings.
    return not s.startswith("各") and not s.endswith(org_suffixes)


def _candidates_in_line(text: str, start: int, end: int, long_line: bool, trusted: bool) -> list[tuple[Label, bool]]:
    """Labels that may open a heading in text[start:end]: at its start, and mid-line in glued text."""
    out = []
    first = match_label(text, start, trusted)
    if first:
        out.append((first, False))
    if long_line:
        for m in re.finditer(r"[第（(一二三四五六七八九十\d①-⑳]", text[start:end]):
            pos = start + m.start()
            if pos == start or (first and pos < first.end):
                continue
            lab = match_label(text, pos)
            if lab and not text[pos - 1].isdigit() and text[pos - 1] not in "第（(":
                out.append((lab, True))
    return out


def _mid_line_heading(text: str, lab: Label, rule: str, last_heading_end: int) -> bool:
    """In text glued without line breaks, a label opens a heading after a sentence end when it
    continues or opens a list, or straight after a heading's title when it opens that heading's
    list (`三、措施落实到位1、各部门…`)."""
    if text[lab.start - 1] in _SENTENCE_BOUNDARY:
        return rule in ("continue", "run-on", "numeric-continue", "open", "restart")
    recent = 0 <= lab.start - last_heading_end <= _RECENT_HEADING_CHARS
    return recent and rule in ("open", "restart")


def _runin_sibling(text: str, line_start: int, line_end: int, previous: _Heading | None) -> str | None:
    """A paragraph that opens like its run-in siblings (`（三）严格奖惩。…`) but has no number:
    `加强信息反馈。…` after them is a heading at their level. Returns its title."""
    if previous is None or previous.label is None or previous.mid_line or len(previous.title) > _RUNIN_TITLE_MAX:
        return None
    if text[previous.title_end:previous.title_end + 1] != "。":
        return None
    m = _RUNIN_TITLE.match(text, line_start, line_end)
    return m.group(1) if m else None


@dataclass(frozen=True)
class LineHints:
    """What the source says about lines of the text, keyed by where each line starts:
    a heading level (Word style, markdown #), a label drawn by Word's auto-numbering,
    table rows (never headings)."""

    heading_levels: dict[int, int]
    numbered: frozenset[int]
    table_rows: frozenset[int]


def _place_caption(text: str, lines: list[tuple[int, int]], li: int, hints: LineHints, placer: _Placer,
                   previous_level: int) -> tuple[_Heading, tuple[str, int], bool] | None:
    """Where the caption on line `li` stands, or None where it heads nothing.

    A caption that opens a list (`阶段主任务` / `1、成立项目组`) stands at the level of the
    list's items, beside an earlier such caption if one is open (`九月份：` … `十月份：`);
    one followed by body text stands beside the heading before it."""
    ls, le = lines[li]
    line = text[ls:le].strip()
    nxt_s, nxt_e = lines[li + 1]
    if _DATE_LINE.match(text[nxt_s:nxt_e].strip()):
        return None
    nxt = match_label(text, nxt_s, nxt_s in hints.numbered)
    if nxt is not None and text[nxt.end:nxt_e].startswith(line.rstrip("：:")):
        return None
    opens_list = nxt is not None and nxt.number == 1
    if not opens_list and (line.endswith(("：", ":")) or (nxt_e - nxt_s) <= (le - ls)):
        return None
    if any(w in line for w in numbering_config()["lead_in_words"]):
        return None
    if li > 0 and not opens_list:
        ps, pe = lines[li - 1]
        if re.search("[：:]", text[ps:pe]) and pe - ps <= _KEY_VALUE_LINE_MAX:
            return None
    h = _Heading(ls, None, line.rstrip("：:"), le, "caption", "caption", "none", None)
    if not opens_list:
        return h, ("caption", previous_level), False
    open_caption = placer.deepest_of_scheme("caption")
    if open_caption is not None:
        return h, ("caption", open_caption), True
    _, level = placer.rule_for(_Heading(nxt_s, nxt, "", nxt_e, nxt.scheme, nxt.family, nxt.shape, 1))
    return h, ("caption", level), True


_PARALLEL_SENTENCE = re.compile(f"(?<=。)([^。，,；;：:、“”（）()\\d]{{{_PARALLEL_MIN},{_PARALLEL_MAX}}})(?=。)")


def _parallel_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Short sentences of their own in glued text: where an unnumbered heading may stand."""
    return [(m.start(1), m.end(1)) for m in _PARALLEL_SENTENCE.finditer(text, start, end)]


class _SectionFinder:
    """Walks a plan's lines once, placing each heading as it is found."""

    def __init__(self, text: str, region: Span, hints: LineHints, org_suffixes: tuple[str, ...]):
        self.text = text
        self.start, self.end = region
        self.lines = [(self.start + m.start(), self.start + m.end())
                      for m in re.finditer(r"[^\n]+", text[self.start:self.end])]
        self.long_line = bool(self.lines) and (self.end - self.start) / len(self.lines) > _LONG_LINE_CHARS
        self.hints = hints
        self.org_suffixes = org_suffixes
        self.placer = _Placer()
        self.headings: list[tuple[_Heading, int, int | None]] = []
        self.style_levels: dict[int, int] = {}
        self.last_heading_end = -1

    def accept(self, h: _Heading, caption_for_list: bool = False, rule_level: tuple[str, int] | None = None) -> None:
        rule, level = rule_level or self.placer.rule_for(h)
        level, parent = self.placer.place(h, len(self.headings), rule, level, caption_for_list)
        self.headings.append((h, level, parent))
        self.last_heading_end = h.title_end
        if h.start in self.hints.heading_levels:
            self.style_levels.setdefault(self.hints.heading_levels[h.start], level)

    def run(self) -> None:
        attachments = re.compile(numbering_config()["attachment_line"], re.M)
        for li, (ls, le) in enumerate(self.lines):
            if ls in self.hints.table_rows:
                continue
            if self.headings and not self.long_line and attachments.match(self.text, ls, le):
                # Attachments carry their own titles and numbering; they are not the plan's sections.
                self.end = ls
                break
            found = _candidates_in_line(self.text, ls, le, self.long_line, ls in self.hints.numbered)
            if found:
                self._numbered_line(found, ls, le)
            else:
                self._unnumbered_line(li, ls, le)

    def _unnumbered_line(self, li: int, ls: int, le: int) -> None:
        text, hints = self.text, self.hints
        previous = self.headings[-1][0] if self.headings else None
        runin = None if self.long_line else _runin_sibling(text, ls, le, previous)
        if runin:
            h = _Heading(ls, None, runin, ls + len(runin), "runin", "runin", "none", None)
            self.accept(h, rule_level=("caption", self.headings[-1][1]))
        elif ls in hints.heading_levels:
            lvl = hints.heading_levels[ls]
            h = _Heading(ls, None, text[ls:le].strip(), le, f"style{lvl}", "style", "none", None)
            # A styled heading without a number stands where numbered headings of its style stand.
            self.accept(h, rule_level=("style", self.style_levels[lvl]) if lvl in self.style_levels else None)
        elif not self.long_line and self.headings and li + 1 < len(self.lines) \
                and _is_caption(text[ls:le], self.org_suffixes):
            placed = _place_caption(text, self.lines, li, hints, self.placer, self.headings[-1][1])
            if placed:
                h, rule_level, for_list = placed
                self.accept(h, caption_for_list=for_list, rule_level=rule_level)

    def _numbered_line(self, found: list[tuple[Label, bool]], ls: int, le: int) -> None:
        text = self.text
        parallels = _parallel_sentences(text, ls, le) if self.long_line else []
        for k, (lab, mid) in enumerate(found):
            while parallels and parallels[0][0] < lab.start:
                p_start, p_end = parallels.pop(0)
                if p_start <= self.last_heading_end:
                    continue
                sibling = self.placer.parallel_depth(text[p_start:p_end])
                if sibling is not None:
                    h = _Heading(p_start, None, text[p_start:p_end], p_end, "parallel", "parallel", "none", None)
                    self.accept(h, rule_level=("caption", sibling))
            limit = found[k + 1][0].start if k + 1 < len(found) else le
            h = _make_heading(text, lab, limit, mid)
            if not mid:
                self.accept(h)
                continue
            rule, level = self.placer.rule_for(h)
            if _mid_line_heading(text, lab, rule, self.last_heading_end):
                self.accept(h, rule_level=(rule, level))

    def sections(self, id_prefix: str) -> list[Section]:
        """Each heading with its span: from its label to the next heading at its level or above."""
        stops = [self.end] * len(self.headings)
        # Headings still waiting for their end; their levels rise strictly from bottom to top.
        waiting: list[int] = []
        for i, (h, level, _) in enumerate(self.headings):
            while waiting and self.headings[waiting[-1]][1] >= level:
                stops[waiting.pop()] = h.start
            waiting.append(i)
        out = []
        for i, (h, level, parent) in enumerate(self.headings):
            out.append(Section(
                id=f"{id_prefix}s{i + 1}", parent=f"{id_prefix}s{parent + 1}" if parent is not None else None,
                level=level, label=h.label.text if h.label else None, number=h.number, title=h.title,
                span=(h.start, stops[i]), scheme=h.scheme, heading_span=(h.start, h.title_end)))
        return out


def find_sections(text: str, region: Span, hints: LineHints, org_suffixes: tuple[str, ...],
                  id_prefix: str) -> tuple[list[Section], list[ParseWarning]]:
    """Sections of the plan whose body is text[region], and warnings about their numbering."""
    finder = _SectionFinder(text, region, hints, org_suffixes)
    finder.run()
    return finder.sections(id_prefix), finder.placer.warnings
