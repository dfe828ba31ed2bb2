"""TIMEX3 values of the pieces the grammar finds: dates, clock times, durations, recurrences."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..numerals import chinese_to_int
from .lexicon import table

_CN_DIGITS = {"〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
              "六": "6", "七": "7", "八": "8", "九": "9"}
_PLACEHOLDER = "XＸ□"

_DATE = re.compile(
    r"(?:(?P<y>\d{4}|\d{2}[XＸ□]{2}|[一二三四五六七八九〇零○]{4}|[XＸ□]{2,4}) ?年)?"
    r"(?:(?P<m>\d{1,2}|十[一二]?|[一二三四五六七八九]|[XＸ□]{1,2}) ?月份?)?"
    r"(?:(?P<d>\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]|[XＸ□]{1,2}) ?[日号])?"
    r"(?P<rest>.*)")
_CLOCK = re.compile(r"(?P<part>[^\d一二三四五六七八九十]*)(?P<h>\d{1,2}|[一二三四五六七八九十]{1,3})"
                    r"(?:[:：](?P<mi>\d{2})|[时点](?:(?P<mi2>\d{1,2}|[一二三四五六七八九十]{1,3})分|(?P<half>半))?)")
_DURATION = re.compile(r"(?P<n>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十]+|半)?(?:[-~～至到]"
                       r"(?P<n2>\d+|[零〇一二两三四五六七八九十]+))?个?(?P<half>半)?"
                       r"(?P<unit>小时|分钟|秒钟?|天|工作日|日|星期|周|月|学年|学期|年)")
_UNITS = {"小时": ("PT", "H"), "分钟": ("PT", "M"), "秒": ("PT", "S"), "秒钟": ("PT", "S"), "天": ("P", "D"),
          "日": ("P", "D"), "工作日": ("P", "D"), "星期": ("P", "W"), "周": ("P", "W"), "月": ("P", "M"),
          "年": ("P", "Y"), "学年": ("P", "Y")}
_PART_OF_DAY = re.compile("|".join(sorted(table("parts_of_day"), key=len, reverse=True)))
_WEEKDAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}


def number(s: str | None) -> float | None:
    """12 → 12, 二十四 → 24, 半 → 0.5, 两 → 2."""
    if not s:
        return None
    if s == "半":
        return 0.5
    if s.replace(".", "", 1).isdigit():
        return float(s) if "." in s else int(s)
    return chinese_to_int(s)


def is_placeholder(s: str | None) -> bool:
    return bool(s) and any(c in _PLACEHOLDER for c in s)


def _year(s: str | None) -> str:
    if not s or all(c in _PLACEHOLDER for c in s):
        return "XXXX"
    if s.isdigit():
        return str(int(s)).zfill(4)
    return "".join(c if c.isdigit() else _CN_DIGITS.get(c, "X") for c in s)


def _two(s: str | None) -> str:
    if is_placeholder(s):
        return "XX"
    n = number(s)
    return f"{int(n):02d}" if n is not None else "XX"


@dataclass(slots=True)
class DateValue:
    value: str | None
    mod: str | None
    placeholder: bool
    year_written: bool


def date_value(text: str) -> DateValue:
    """10月30日 → XXXX-10-30; X月上旬 → XXXX-XX (START); 2021年底 → 2021 (END); 上半年 → XXXX-H1."""
    m = _DATE.match(text.replace(" ", ""))
    assert m is not None
    y, mo, d, rest = m.group("y"), m.group("m"), m.group("d"), m.group("rest")
    placeholder = any(is_placeholder(p) for p in (y, mo, d))
    year = _year(y)
    value: str | None = year
    if mo:
        value += "-" + _two(mo)
        if d:
            value += "-" + _two(d)
    mod = None
    part_of_day = table("parts_of_day").get(rest)
    if part_of_day is not None and value and len(value) == 10:
        return DateValue(f"{value}T{part_of_day['code']}", None, placeholder, bool(y) and not is_placeholder(y))
    if rest:
        edge = rest[-1] if rest[-1] in "末初" and rest[:-1] in table("year_parts") else ""
        part = table("year_parts").get(rest[: len(rest) - len(edge)])
        end = table("period_ends").get(rest) or table("period_ends").get(rest.removeprefix("年"))
        if part is not None:
            value = f"{year}-{part['value']}" if part["value"] else None
            mod = {"末": "END", "初": "START"}.get(edge)
        elif end is not None:
            mod = end["mod"]
            if end["unit"] == "month" and not mo:
                value = f"{year}-XX"
        elif rest in ("上旬", "初"):
            mod = "START"
        elif rest == "中旬":
            mod = "MID"
        elif rest in ("下旬", "底", "末"):
            mod = "END"
    return DateValue(value, mod, placeholder, bool(y) and not is_placeholder(y))


def clock_value(text: str) -> str | None:
    """下午5时 → T17:00, 1:30 → T01:30 (下午1:30 → T13:30), 中午11时 → T11:00."""
    m = _CLOCK.search(text)
    if m is None:
        return None
    h = number(m.group("h"))
    if h is None:
        return None
    minute = m.group("mi") or m.group("mi2")
    mins = 30 if m.group("half") else int(number(minute) or 0)
    said = _PART_OF_DAY.findall(m.group("part"))
    part = table("parts_of_day").get(said[-1], {}) if said else {}
    if part.get("shift") and h < 12:
        h += part["shift"]
    if h > 24 or mins > 59:
        return None
    return f"XXXX-XX-XXT{int(h):02d}:{mins:02d}"


def _amount(n: float, half: bool) -> float:
    return n + 0.5 if half else n


def duration_value(text: str) -> str | None:
    """24小时 → PT24H, 5日内 → P5D, 半年 → P6M, 3-5年 → None (a span of lengths has no one value)."""
    m = _DURATION.search(text)
    if m is None or m.group("n2"):
        return None
    unit = m.group("unit")
    if unit == "学期":
        return None
    n = number(m.group("n")) if m.group("n") else (0 if m.group("half") else None)
    if n is None:
        return None
    n = _amount(n, bool(m.group("half")))
    prefix, code = _UNITS[unit]
    if n != int(n):
        if code == "Y":
            n, code = n * 12, "M"
        elif code == "D":
            n, prefix, code = n * 24, "PT", "H"
        elif code == "H":
            n, code = n * 60, "M"
        else:
            return None
    if n != int(n):
        return None
    return f"{prefix}{int(n)}{code}"


def recurrence_value(text: str) -> str | None:
    """每天 → P1D, 每3年 → P3Y, 每日下午5时前 → XXXX-XX-XXT17:00, 每周一 → XXXX-WXX-1, 周周讲 → P1W."""
    body = text.lstrip("每个一")
    if text.startswith(("天天", "日日")):
        return "P1D"
    if text.startswith("周周"):
        return "P1W"
    if text.startswith("月月"):
        return "P1M"
    if text.startswith("年年"):
        return "P1Y"
    if text.startswith("一") and len(text) > 2 and text[1:].find("一") > 0:
        return _unit_value(text[1:text.index("一", 1)], 1)
    if not text.startswith("每"):
        return _unit_value(text[0], 1)
    clock = clock_value(body) if re.search(r"\d[:：]\d|[时点]", body) else None
    if clock:
        return clock
    m = re.match(r"(\d+|[两二三四五六七八九十]+)?(季度|半年|年度|学年|学期|星期|小时|[天日晚周月季年])"
                 r"([一二三四五六日天])?", body)
    if m is None:
        return None
    n = int(number(m.group(1)) or 1) if m.group(1) else 1
    unit, weekday = m.group(2), m.group(3)
    if weekday and unit in ("周", "星期"):
        part = re.search(r"上午|下午|晚上", body)
        tail = {"上午": "TMO", "下午": "TAF", "晚上": "TEV"}.get(part.group(0), "") if part else ""
        return f"XXXX-WXX-{_WEEKDAYS[weekday]}{tail}"
    rest = body[m.end():]
    day = re.search(r"(\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]", rest)
    month = re.match(r" ?(\d{1,2}|十[一二]?|[一二三四五六七八九]) ?月", rest) if unit == "年" else None
    if month:
        return f"XXXX-{_two(month.group(1))}" + (f"-{_two(day.group(1))}" if day else "")
    if day and unit == "月":
        return f"XXXX-XX-{_two(day.group(1))}"
    return _unit_value(unit, n)


def _unit_value(unit: str, n: int) -> str | None:
    entry = table("recurrence_units").get(unit)
    if entry is None or not entry["value"]:
        return None
    v = entry["value"]
    if n == 1:
        return v
    m = re.fullmatch(r"(PT?)(\d+)([A-Z])", v)
    return f"{m.group(1)}{int(m.group(2)) * n}{m.group(3)}" if m else None


def day_of_month(text: str) -> str:
    """The two digits of a day written alone (16日 → 16), XX where it is a blank."""
    m = re.search(r"(\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]|[XＸ]{1,2}) ?[日号]", text)
    return _two(m.group(1)) if m else "XX"


def weekday_value(text: str) -> str | None:
    """周一 → XXXX-WXX-1, 星期日 → XXXX-WXX-7."""
    day = _WEEKDAYS.get(text[-1])
    return f"XXXX-WXX-{day}" if day else None
