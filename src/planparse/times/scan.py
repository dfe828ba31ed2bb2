"""Finding times in text: one pass of the grammar, then joining the pieces it found.

The scanning regex finds dates, clock times, durations, recurrences and event-anchored times.
For an event named in free words (封闭式管理期间, 试运行开始前) it finds only the trigger
(期间, 开始前) and the start of the event is found by walking back over the words before it.
Pieces then grow: two joined by 至/到/- become a range, a date takes a 前/起/期间 after it and
a 到/截至/自 before it, and a year written just before an event joins it (2022年二十大期间).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from .grammar import expand, scanner
from .lexicon import anchor_stops, table
from .values import clock_value, date_value, day_of_month, duration_value, recurrence_value, weekday_value

_WINDOW = 12
_BREAK = "，。；：,;:!?！？()（）[]【】{}<>〈〉\n\r\t "
_JOINERS = "、“”\"《》"


@dataclass(slots=True)
class Found:
    start: int
    end: int
    kind: str
    type: str
    value: str | None = None
    range_start: str | None = None
    range_end: str | None = None
    mod: str | None = None
    anchor: str | None = None
    role: str | None = None
    placeholder: bool = False
    year_written: bool = False
    year_offset: int | None = None


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    p = r"[^，。；：,;:\s、（）()“”]"
    return {
        "connector": re.compile(r" ?(?:(?:起|开始)[,，]?)?(?:至|到|—{1,2}|–|－|-{1,3}|~|～) ?"),
        "suffix": re.compile(expand(r"前夕|前后|左右|<<before>>|为止|以来|起(?![草步点身码])|开始|<<after>>|期间|前夕")),
        "prefix": re.compile(r"(?:截止到|截止至|截至|截止|最迟不得晚于|最迟不晚于|不得晚于|不晚于|不迟于|最迟于|最迟"
                             r"|(?<![达得做实提回])到|自|从)\Z"),
        "end_day": re.compile(expand(r"<<day>>(?![\d月])")),
        "event_end": re.compile(expand(f"(?:<<event>>|{p}{{1,8}}?)(?:会议)?(?:<<eventverb>>|为止)"
                                       r"(?:<<after>><<durtail>>?)?")),
        "durtail": re.compile(expand(r"<<durtail>>\Z")),
        "festival_or_event": re.compile(expand(r"(?:<<festival>>|<<event>>)")),
        "year_only": re.compile(r"\d{4}|XXXX"),
    }


_BEFORE = ("前", "以前", "之前", "前夕")
_AFTER = ("后", "以后", "之后")


def _suffix_mod(suffix: str) -> str | None:
    if suffix in _BEFORE:
        return "BEFORE"
    if suffix in _AFTER:
        return "AFTER"
    if suffix in ("前后", "左右"):
        return "APPROX"
    if suffix in ("起", "开始"):
        return "ON_OR_AFTER"
    if suffix == "为止":
        return "ON_OR_BEFORE"
    return None


def _duration_mod(text: str) -> str | None:
    if re.search(r"以上|不少于|不低于|至少|最少|满|不得少于", text):
        return "EQUAL_OR_MORE"
    if re.search(r"以内|之内|内$|不超过|不多于|最多|不得超过|长达", text):
        return "EQUAL_OR_LESS"
    if re.search(r"左右|多$", text):
        return "APPROX"
    return None


def _walk_back(text: str, at: int, floor: int, window: int = _WINDOW, also_stop: str = "") -> int:
    """Where the words naming an event that ends at `at` start: back to a break, a stop word or
    `floor`, and to a known event (二十大, 国庆) where the window holds one after other words."""
    stop_chars, stop_words = anchor_stops()
    i, limit = at, max(floor, at - window)
    while i > limit:
        ch = text[i - 1]
        if ch in _BREAK or ch in stop_chars or ch in also_stop or not (ch in _JOINERS or _is_word_char(ch)):
            break
        if ch == "、" and not _short_before(text, i - 1, limit, stop_chars):
            break
        if ch == "“":
            i -= 1
            break
        i -= 1
    window = text[i:at]
    last = None
    for m in stop_words.finditer(window):
        last = m
    if last is not None:
        i += last.end()
        window = text[i:at]
    ev = _patterns()["festival_or_event"].search(window)
    if ev is not None and ev.start() > 0:
        i += ev.start()
    while i < at and text[i] in "、”\"":
        i += 1
    return i


def _is_word_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or (ch.isascii() and ch.isalnum())


def _short_before(text: str, at: int, limit: int, stop_chars: frozenset[str]) -> bool:
    """Whether the words before a 、 at `at` are a short item of a list (上学、放学期间), not a clause."""
    j = at
    while j > limit and at - j <= 3:
        ch = text[j - 1]
        if ch in _BREAK or ch in stop_chars or not _is_word_char(ch):
            return True
        j -= 1
    return j <= limit and at - j <= 3


def _tail_split(text: str) -> tuple[str, str | None]:
    """An anchored time's text without a trailing duration (二十大闭幕后5日内 → 二十大闭幕后, 5日内)."""
    m = _patterns()["durtail"].search(text)
    if m is None or m.start() == 0:
        return text, None
    return text[: m.start()], m.group(0)


def _anchored(start: int, end: int, kind: str, text: str) -> Found:
    """A time hung on an event: the event's words, then 期间/前/后…, then perhaps a duration (后5日内)."""
    body, tail = _tail_split(text)
    suffix_m = re.search(r"(前期及期间|期间|前夕|前后|之前|以前|前|之后|以后|后|以来|时期|时|初)$", body)
    suffix = suffix_m.group(1) if suffix_m else ""
    anchor = body[: len(body) - len(suffix)] if suffix else body
    anchor = re.sub(r"^(?:在|于|自|从)", "", anchor).removesuffix("之").removesuffix("以") or None
    anchor = re.sub(r"(?:召开|举行|举办)$", "", anchor) if anchor and len(anchor) > 3 else anchor
    if tail:
        return Found(start, end, kind, "DURATION", duration_value(tail), mod=_duration_mod(tail), anchor=anchor,
                     role="deadline" if re.search(r"内$", tail) else "period")
    role = "period" if suffix in ("期间", "前期及期间", "时期", "") else None
    ftype = "SET" if suffix == "时" and re.match(r"每", anchor or "") else "DATE"
    return Found(start, end, kind, ftype, mod=_suffix_mod(suffix), anchor=anchor, role=role)


def _build(kind: str, m: re.Match[str], text: str, floor: int) -> Found | None:
    s, e, t = m.start(), m.end(), m.group(0)
    if kind == "date":
        dv = date_value(t)
        return Found(s, e, kind, "DATE", dv.value, mod=dv.mod, placeholder=dv.placeholder,
                     year_written=dv.year_written)
    if kind == "school_year":
        return Found(s, e, kind, "DATE", placeholder="X" in t or "Ｘ" in t, year_written=t[:1].isdigit())
    if kind == "year_range":
        years = re.findall(r"\d{4}", t)
        return Found(s, e, kind, "DATE", f"{years[0]}/{years[1]}", years[0], years[1], role="range",
                     year_written=True)
    if kind.startswith("set"):
        return Found(s, e, kind, "SET", recurrence_value(t), mod="BEFORE" if "前" in t else None, role="frequency")
    if kind == "weekday":
        return Found(s, e, kind, "DATE", weekday_value(t))
    if kind == "clock":
        return Found(s, e, kind, "TIME", clock_value(t), mod="BEFORE" if "前" in t else None)
    if kind == "duration":
        return Found(s, e, kind, "DURATION", duration_value(t), mod=_duration_mod(t), role="period")
    if kind == "festival":
        return Found(s, e, kind, "DATE", table("festivals")[t]["value"])
    if kind == "relative_part":
        mod = {"底": "END", "末": "END", "初": "START", "上旬": "START", "中旬": "MID", "下旬": "END"}
        return Found(s, e, kind, "DATE", mod=next((v for k, v in mod.items() if t.endswith(k)), None))
    if kind == "relative":
        entry = table("relative")[t]
        return Found(s, e, kind, entry.get("type", "DATE"), entry.get("value"), year_offset=entry.get("year_offset"))
    if kind == "since_day":
        anchor = re.sub(r"^(?:自|从)|(?:起|开始)$", "", t)
        return Found(s, e, kind, "DATE", mod="ON_OR_AFTER", anchor=anchor, role="start")
    if kind in ("event", "receipt"):
        return _anchored(s, e, kind, t)
    if kind in ("period_trigger", "period_named", "event_verb_trigger"):
        # a period is a noun phrase (大学期间), an event a clause that may join acts (测试及试运行结束后)
        if kind == "event_verb_trigger":
            begin = _walk_back(text, s, floor, _WINDOW + 4)
        else:
            begin = _walk_back(text, s, floor, also_stop="及和或")
        if begin == s and kind != "period_named":
            return None
        return _anchored(begin, e, kind, text[begin:e])
    return None


_RANGE_FROM = {"date", "school_year", "relative", "relative_part", "clock", "festival", "since_day", "weekday"}
_RANGE_TO = {"date", "event", "relative", "clock", "festival", "event_verb_trigger", "period_named", "weekday"}
_EXTENDED = {"date", "festival", "relative", "relative_part", "school_year", "year_range", "range"}
_EVENTS = {"event", "period_trigger", "event_verb_trigger", "period_named"}


def _join_range(a: Found, b_end: int, b: Found | None, text: str) -> Found:
    placeholder = a.placeholder or bool(b and b.placeholder)
    end_value = b.value if b is not None and b.kind != "event" else None
    start_value = a.value
    if end_value and start_value and end_value.startswith("XXXX") and start_value[:4].isdigit():
        end_value = start_value[:4] + end_value[4:]
    value = f"{start_value}/{end_value}" if start_value and end_value else None
    anchor = b.anchor if b is not None else None
    if b is None:
        anchor = re.sub(r"(?:之后|以后|后).*$", "", text)
    ftype = "TIME" if a.type == "TIME" and b is not None and b.type == "TIME" else "DATE"
    if ftype == "TIME" and start_value and end_value and end_value < start_value and int(end_value[-5:-3]) < 12:
        end_value = f"{end_value[:-5]}{int(end_value[-5:-3]) + 12:02d}{end_value[-3:]}"
        value = f"{start_value}/{end_value}"
    return Found(a.start, b_end, "range", ftype, value, start_value, end_value, anchor=anchor or a.anchor,
                 role="range", placeholder=placeholder, year_written=a.year_written)


def _clock_joins(found: list[Found], text: str) -> list[Found]:
    """5月10日9:00 and 2020年9月16日17时前 are one time: the day with its clock time."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "date" and f.kind == "clock" and not text[prev.end:f.start].strip()
                and f.start - prev.end <= 1 and prev.value and re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}", prev.value)):
            clock = f.value[10:] if f.value else ""
            out[-1] = replace(f, start=prev.start, value=prev.value + clock if clock else None, year_written=prev.year_written,
                              placeholder=prev.placeholder, kind="clock")
        else:
            out.append(f)
    return out


def _ranges(found: list[Found], text: str, hi: int) -> list[Found]:
    p = _patterns()
    out: list[Found] = []
    i = 0
    while i < len(found):
        a = found[i]
        c = p["connector"].match(text, a.end, hi) if a.kind in _RANGE_FROM else None
        if c is not None and c.end() > a.end:
            nxt = found[i + 1] if i + 1 < len(found) else None
            if nxt is not None and nxt.start == c.end() and nxt.kind in _RANGE_TO:
                out.append(_join_range(a, nxt.end, nxt, text))
                i += 2
                continue
            day = p["end_day"].match(text, c.end(), hi)
            if day is not None and a.value and re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}", a.value):
                b = Found(day.start(), day.end(), "date", "DATE", a.value[:8] + day_of_month(day.group(0)))
                out.append(_join_range(a, day.end(), b, text))
                i += 1
                while i < len(found) and found[i].start < day.end():
                    i += 1
                continue
            ev = p["event_end"].match(text, c.end(), hi)
            if ev is not None and a.type != "TIME":
                out.append(_join_range(a, ev.end(), None, ev.group(0)))
                i += 1
                while i < len(found) and found[i].start < ev.end():
                    i += 1
                continue
        out.append(a)
        i += 1
    return out


def _joins(prev: Found | None, f: Found, text: str) -> bool:
    """Whether `f` takes `prev` in: a bare year before an event (2022年二十大期间), 今年 before a date
    (今年7月底)."""
    if prev is None or prev.end != f.start:
        return False
    if prev.kind == "date" and f.kind in _EVENTS:
        return prev.value is not None and _patterns()["year_only"].fullmatch(prev.value) is not None
    return prev.kind == "relative" and prev.year_offset == 0 and f.kind == "date" and not f.year_written


def _year_joins(found: list[Found], text: str) -> list[Found]:
    """A time written just before another that it only narrows becomes part of it; a festival joined by
    和 to an event's period too (国庆节和二十大会议召开期间)."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if _joins(prev, f, text):
            out[-1] = replace(f, start=prev.start)
        elif (prev is not None and prev.kind == "festival" and f.kind in _EVENTS and f.role == "period"
              and f.start - prev.end == 1 and text[prev.end] in "和及与、"):
            out[-1] = replace(f, start=prev.start, anchor=text[prev.start:f.start] + (f.anchor or ""))
        else:
            out.append(f)
    return out


def _extend(found: list[Found], text: str, lo: int, hi: int) -> None:
    p = _patterns()
    for n, f in enumerate(found):
        limit = found[n + 1].start if n + 1 < len(found) else hi
        if f.kind in _EXTENDED:
            s = p["suffix"].match(text, f.end)
            if s is not None and s.end() <= limit:
                suffix = s.group(0)
                f.end = s.end()
                mod = _suffix_mod(suffix)
                if suffix == "期间":
                    f.role = "period"
                    if f.kind == "festival":
                        f.anchor, f.value = text[f.start:s.start()], None
                elif suffix == "以来":
                    f.role = "start"
                elif mod is not None:
                    f.mod = mod
                    if f.kind == "festival" and mod in ("BEFORE", "AFTER"):
                        f.anchor = text[f.start:s.start()]
        floor = found[n - 1].end if n else lo
        pre = p["prefix"].search(text, max(floor, f.start - 6), f.start)
        if pre is not None and f.kind not in ("since_day",):
            word = pre.group(0)
            if word in ("自", "从"):
                if f.kind in _EXTENDED or f.kind == "range":
                    f.start = pre.start()
                    if f.mod is None and f.kind != "range":
                        f.mod = "ON_OR_AFTER"
            elif f.kind in ("date", "year_range", "festival", "relative") or (f.kind in _EVENTS and word != "到"):
                f.start = pre.start()
                if f.mod is None:
                    f.mod = "ON_OR_BEFORE"


def _role(f: Found) -> str:
    if f.role:
        return f.role
    if f.type == "SET":
        return "frequency"
    if f.mod in ("BEFORE", "ON_OR_BEFORE"):
        return "deadline"
    if f.mod in ("ON_OR_AFTER", "AFTER"):
        return "start"
    if f.type == "DURATION":
        return "period"
    return "point"


def scan(text: str, lo: int, hi: int) -> list[Found]:
    """Every time in text[lo:hi], in order, without overlaps."""
    found: list[Found] = []
    floor = lo
    for m in scanner().finditer(text, lo, hi):
        f = _build(m.lastgroup or "", m, text, floor)
        if f is None:
            continue
        while found and found[-1].end > f.start:
            found.pop()
        found.append(f)
        floor = f.end
    found = _ranges(_clock_joins(found, text), text, hi)
    found = _year_joins(found, text)
    _extend(found, text, lo, hi)
    for f in found:
        f.role = _role(f)
    return found
