"""The stages a plan runs in: 动员部署阶段（X月6日至X月11日）, 第一阶段, …阶段 headings."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from ..datafiles import load_json
from ..model import Phase, Section, Span, TimeExpression
from ..section_index import SectionIndex

_NAME = r"[\u4e00-\u9fffA-Za-z0-9]"
# The most name characters the "dated" and "listed" patterns take before their first 阶段.
_NAME_REACH = 14
_TRAILING_BRACKETS = re.compile(r"[（(][^（）()]*[)）]$")


@cache
def _config() -> dict:
    return load_json("time_phases.json")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    cfg = _config()
    return {
        # a numbered item whose words end in 阶段: （一）动员部署阶段（X月6日至X月11日）
        "labelled": re.compile(r"(?:^|(?<=[\s。；;：:）)]))(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、"
                               r"|\d{1,2}[.．、])\s*((?:" + _NAME + r"|、){2,16}?阶段)(?=[（(：:。，,\s]|$)", re.M),
        "ordinal": re.compile(r"第[一二三四五六七八九十]{1,3}阶段"),
        # a stage named and then dated in running text: 二十大安保维稳战时阶段自2022年10月30日开始
        "dated": re.compile(f"({_NAME}{{2,{_NAME_REACH}}}?阶段)"
                            r"[（(：:]?\s*(?:自|从|为|是|于)?(?=[\dXＸ一二三四五六七八九十]{1,4} ?[年月])"),
        # a list of stages: 包括项目启动阶段、需求调研确认阶段…等七个阶段
        "listed": re.compile(f"(?:{_NAME}{{2,{_NAME_REACH}}}?阶段、){{2,}}{_NAME}{{2,14}}?阶段"),
        "not_names": re.compile(cfg["not_names"]),
        "cut": re.compile(cfg["cut_before"]),
    }


def clean_name(raw: str) -> str | None:
    """The stage's name out of the words before 阶段: 时间方法、步骤部署动员阶段 → 步骤部署动员阶段."""
    name = re.split(r"[、，,：:。；;]", raw)[-1]
    m = _patterns()["cut"].search(name)
    if m is not None and m.end() < len(name) - 2:
        name = name[m.end():]
    name = name.strip()
    if len(name) < 4 or _patterns()["not_names"].search(name):
        return None
    return name


def _near_stage_word(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """The matches of pattern.finditer(text, lo, hi), for a pattern whose every match opens with 2 to
    _NAME_REACH name characters and 阶段. Only starts that far before a 阶段 are tried: finditer
    would try the lazy name repeat at every character of the plan."""
    pos = lo  # the first start not yet tried or passed over by a match
    at = text.find("阶段", lo, hi)
    while at >= 0:
        for start in range(max(pos, at - _NAME_REACH), at - 1):
            m = pattern.match(text, start, hi)
            if m is not None:
                yield m
                pos = m.end()
                break
        else:
            pos = max(pos, at - 1)
        at = text.find("阶段", max(pos, at + 1), hi)


def _candidates(text: str, span: Span, sections: Sequence[Section]) -> list[tuple[int, int, str]]:
    lo, hi = span
    p = _patterns()
    found: list[tuple[int, int, str]] = []
    for s in sections:
        title = s.title.strip().rstrip("。.；;")
        title = _TRAILING_BRACKETS.sub("", title)
        if title.endswith("阶段") and lo <= s.heading_span[0] < hi:
            at = text.find(title, s.heading_span[0], s.heading_span[1])
            at = at if at >= 0 else s.heading_span[0]
            found.append((at, at + len(title), title))
    # Every pattern below needs a 阶段, which most plans do not have.
    if text.find("阶段", lo, hi) < 0:
        return sorted(found)
    for m in p["labelled"].finditer(text, lo, hi):
        found.append((m.start(1), m.end(1), m.group(1)))
    for m in _near_stage_word(p["dated"], text, lo, hi):
        found.append((m.start(1), m.end(1), m.group(1)))
    for m in p["ordinal"].finditer(text, lo, hi):
        found.append((m.start(), m.end(), m.group(0)))
    for m in _near_stage_word(p["listed"], text, lo, hi):
        pos = m.start()
        for part in m.group(0).split("、"):
            found.append((pos, pos + len(part), part))
            pos += len(part) + 1
    return sorted(found)


def find_phases(text: str, span: Span, *, times: Sequence[TimeExpression], id_prefix: str,
                sections: Sequence[Section] = ()) -> list[Phase]:
    """The stages of the plan inside `span`, in the order written, each once, with the times right after
    its name as its start and end."""
    seen: set[str] = set()
    phases: list[Phase] = []
    starts = sorted(times, key=lambda t: t.span[0])
    index = SectionIndex(sections)
    for start, end, raw in _candidates(text, span, sections):
        name = clean_name(raw)
        if name is None or name in seen or any(name in s or s in name for s in seen):
            continue
        seen.add(name)
        first, last = _dates_after(text, end, starts)
        phases.append(Phase(id=f"{id_prefix}ph{len(phases) + 1}", name=name, order=len(phases) + 1,
                            start=first, end=last, section=index.id_at(start),
                            span=(end - len(name), end)))
    return phases


def _dates_after(text: str, at: int, times: Sequence[TimeExpression]) -> tuple[str | None, str | None]:
    """The time written right after a stage's name (in brackets, after 自 or a colon): a range gives
    both ends, a start (…起) the start, anything else the end."""
    for t in times:
        if t.span[0] < at:
            continue
        gap = text[at:t.span[0]]
        if len(gap) > 3 or re.search(r"[。；;\n]", gap):
            return None, None
        if t.start or t.role == "range":
            return t.id, t.id
        if t.role == "start" or t.mod in ("ON_OR_AFTER",):
            return t.id, None
        return None, t.id
    return None, None
