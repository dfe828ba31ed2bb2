"""Reading the ordinals that section labels are written in."""
from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_to_int(s: str) -> int | None:
    """一 → 1, 十一 → 11, 二十 → 20, 一百零五 → 105; None where `s` is no such numeral."""
    if not s:
        return None
    if s.isdigit():
        return int(s)
    total, digit = 0, None
    for ch in s:
        if ch in _DIGITS:
            if digit is not None and digit != 0:
                return None
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def circled_to_int(ch: str) -> int | None:
    """① → 1 … ⑳ → 20."""
    code = ord(ch[0]) if ch else 0
    return code - 0x2460 + 1 if 0x2460 <= code <= 0x2473 else None


def latin_to_int(ch: str) -> int | None:
    """A/a → 1, B/b → 2, …"""
    return ord(ch.lower()) - ord("a") + 1 if len(ch) == 1 and ch.isascii() and ch.isalpha() else None


def parse_ordinal(text: str, numeral: str) -> int | None:
    if numeral == "cn":
        return chinese_to_int(text)
    if numeral == "int":
        return int(text) if text.isdigit() else None
    if numeral == "circled":
        return circled_to_int(text)
    if numeral == "latin":
        return latin_to_int(text)
    if numeral == "outline":
        last = text.replace("．", ".").split(".")[-1]
        return int(last) if last.isdigit() else None
    raise ValueError(f"unknown numeral kind {numeral}")
