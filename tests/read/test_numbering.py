"""Word auto-numbering: number formats, counters, restarts and overrides."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planparse.errors import CorruptFileError, UnsafeFileError
from planparse.read.numbering import (
    ListCounter,
    Numbering,
    NumberLabel,
    NumPr,
    format_number,
    resolve_num_pr,
)

from .docx_factory import abstract_num, lvl, num, numbering_xml


def labels(numbering: bytes, paragraphs: list[tuple[str, int]]) -> list[str | None]:
    counter = ListCounter(Numbering.from_xml(numbering))
    out = []
    for num_id, ilvl in paragraphs:
        label = counter.next_label(num_id, ilvl)
        out.append(label.text if label else None)
    return out


@pytest.mark.parametrize("fmt,values", [
    ("decimal", {1: "1", 9: "9", 10: "10", 123: "123"}),
    ("decimalZero", {1: "01", 9: "09", 10: "10", 100: "100"}),
    ("decimalFullWidth", {1: "１", 10: "１０", 25: "２５"}),
    ("chineseCounting", {1: "一", 9: "九", 10: "十", 11: "十一", 20: "二十", 21: "二十一", 99: "九十九",
                         100: "一〇〇", 0: "〇"}),
    ("chineseCountingThousand", {1: "一", 10: "十", 11: "十一", 20: "二十", 21: "二十一", 100: "一百",
                                 101: "一百零一", 110: "一百一十", 1001: "一千零一", 10000: "一万",
                                 10100: "一万零一百", 20015: "二万零一十五"}),
    ("chineseLegalSimplified", {1: "壹", 2: "贰", 3: "叁", 10: "壹拾", 12: "壹拾贰", 100: "壹佰",
                                105: "壹佰零伍"}),
    ("ideographTraditional", {1: "甲", 2: "乙", 3: "丙", 10: "癸", 11: "甲"}),
    ("ideographZodiac", {1: "子", 12: "亥"}),
    ("decimalEnclosedCircle", {1: "①", 10: "⑩", 20: "⑳", 21: "21"}),
    ("decimalEnclosedCircleChinese", {1: "①", 2: "②", 20: "⑳"}),
    ("decimalEnclosedParen", {1: "⑴", 20: "⒇"}),
    ("decimalEnclosedFullstop", {1: "⒈"}),
    ("ideographEnclosedCircle", {1: "㊀", 10: "㊉", 11: "11"}),
    ("ideographDigital", {1: "一", 10: "一〇", 2024: "二〇二四"}),
    ("lowerLetter", {1: "a", 26: "z", 27: "aa", 28: "bb", 2_000_000_000: "2000000000"}),
    ("upperLetter", {1: "A", 3: "C", 27: "AA"}),
    ("lowerRoman", {1: "i", 4: "iv", 9: "ix", 14: "xiv", 40: "xl"}),
    ("upperRoman", {1: "I", 3: "III", 1994: "MCMXCIV"}),
    ("ordinal", {1: "1st", 2: "2nd", 3: "3rd", 11: "11th", 22: "22nd"}),
    ("bullet", {1: ""}),
    ("none", {1: ""}),
    ("someFutureFormat", {7: "7"}),
    ("lowerRoman", {0: "0", -2: "-2"}),
    ("chineseCounting", {-1: "-1"}),
])
def test_number_formats(fmt, values):
    assert {n: format_number(n, fmt) for n in values} == values


def test_start_value_and_placeholder_text():
    xml = numbering_xml(abstract_num(0, lvl(0, "chineseCounting", "（%1）", start=2)), num(1, 0))
    assert labels(xml, [("1", 0)] * 3) == ["（二）", "（三）", "（四）"]


def test_missing_start_counts_from_zero():
    xml = numbering_xml(abstract_num(0, lvl(0, "decimal", "%1、", start=None)), num(1, 0))
    assert labels(xml, [("1", 0)] * 2) == ["0、", "1、"]


def test_two_placeholders_and_deeper_level_reset():
    xml = numbering_xml(
        abstract_num(0, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2"), lvl(2, "decimal", "%1.%2.%3")),
        num(1, 0),
    )
    seq = [("1", 0), ("1", 1), ("1", 1), ("1", 2), ("1", 0), ("1", 1), ("1", 2), ("1", 2)]
    assert labels(xml, seq) == ["1.", "1.1", "1.2", "1.2.1", "2.", "2.1", "2.1.1", "2.1.2"]


def test_placeholders_use_each_levels_own_format():
    xml = numbering_xml(
        abstract_num(0, lvl(0, "chineseCounting", "%1、"), lvl(1, "decimal", "%1-%2")), num(1, 0))
    assert labels(xml, [("1", 0), ("1", 1), ("1", 1)]) == ["一、", "一-1", "一-2"]


def test_is_lgl_draws_every_level_in_arabic_digits():
    xml = numbering_xml(
        abstract_num(0, lvl(0, "chineseCounting", "第%1章"), lvl(1, "upperRoman", "%1.%2", legal=True)),
        num(1, 0),
    )
    assert labels(xml, [("1", 0), ("1", 0), ("1", 1)]) == ["第一章", "第二章", "2.1"]


def test_level_not_used_yet_shows_start_minus_one():
    xml = numbering_xml(abstract_num(0, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2")), num(1, 0))
    assert labels(xml, [("1", 1), ("1", 0), ("1", 1)]) == ["0.1", "1.", "1.1"]


def test_placeholder_of_a_bullet_level_is_empty():
    xml = numbering_xml(
        abstract_num(0, lvl(0, "bullet", "\u2022"), lvl(1, "decimal", "%1%2)")), num(1, 0))
    assert labels(xml, [("1", 0), ("1", 1)]) == [None, "1)"]


def test_start_override_on_a_second_num_restarts_the_shared_list():
    xml = numbering_xml(
        abstract_num(0, lvl(0, "decimal", "%1、")),
        num(1, 0),
        num(2, 0),
        num(3, 0, start_overrides={0: 1}),
    )
    seq = [("1", 0), ("1", 0), ("2", 0), ("3", 0), ("3", 0), ("1", 0)]
    # num 2 shares the abstract list and continues it; num 3 restarts it once, and num 1 goes on from there.
    assert labels(xml, seq) == ["1、", "2、", "3、", "1、", "2、", "3、"]


def test_start_override_with_another_value():
    xml = numbering_xml(abstract_num(0, lvl(0, "decimal", "%1.")), num(1, 0), num(2, 0, start_overrides={0: 5}))
    assert labels(xml, [("1", 0), ("2", 0), ("2", 0)]) == ["1.", "5.", "6."]


def test_level_override_redefines_a_level_for_one_num():
    xml = numbering_xml(
        abstract_num(0, lvl(0, "decimal", "%1.")),
        num(1, 0),
        num(2, 0, level_overrides={0: lvl(0, "chineseCounting", "%1、", start=3)}),
    )
    assert labels(xml, [("1", 0), ("2", 0)]) == ["1.", "二、"]


@pytest.mark.parametrize("restart,expected", [
    (None, ["1.", "1.1", "1.1.1", "1.2", "1.2.1", "2.", "2.1", "2.1.1"]),
    # restart level 3 only when level 1 is used: the 1.2 paragraph does not restart it
    (1, ["1.", "1.1", "1.1.1", "1.2", "1.2.2", "2.", "2.1", "2.1.1"]),
    # 0: never restart
    (0, ["1.", "1.1", "1.1.1", "1.2", "1.2.2", "2.", "2.1", "2.1.3"]),
])
def test_lvl_restart(restart, expected):
    xml = numbering_xml(
        abstract_num(
            0, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2"),
            lvl(2, "decimal", "%1.%2.%3", restart=restart)),
        num(1, 0),
    )
    seq = [("1", 0), ("1", 1), ("1", 2), ("1", 1), ("1", 2), ("1", 0), ("1", 1), ("1", 2)]
    assert labels(xml, seq) == expected


def test_separate_abstract_lists_count_separately():
    xml = numbering_xml(
        abstract_num(0, lvl(0, "chineseCounting", "%1、")),
        abstract_num(1, lvl(0, "decimal", "%1.")),
        num(1, 0),
        num(2, 1),
    )
    assert labels(xml, [("1", 0), ("2", 0), ("2", 0), ("1", 0)]) == ["一、", "1.", "2.", "二、"]


def test_bullets_and_unknown_lists_have_no_label():
    xml = numbering_xml(abstract_num(0, lvl(0, "bullet", "\uf06c")), num(1, 0))
    assert labels(xml, [("1", 0), ("7", 0), ("1", 4)]) == [None, None, None]


def test_none_format_keeps_literal_text():
    xml = numbering_xml(abstract_num(0, lvl(0, "none", "附件")), abstract_num(1, lvl(0, "none", "")),
                        num(1, 0), num(2, 1))
    assert labels(xml, [("1", 0), ("2", 0)]) == ["附件", None]


def test_num_style_link_follows_the_numbering_style():
    xml = numbering_xml(
        abstract_num(0, style_link="PlanList"),
        abstract_num(1, lvl(0, "chineseCounting", "%1、")),
        num(1, 0),
        num(2, 1),
    )
    numbering = Numbering.from_xml(xml, style_num_id={"PlanList": "2"}.get)
    counter = ListCounter(numbering)
    assert [counter.next_label("1", 0).text, counter.next_label("1", 0).text] == ["一、", "二、"]


def test_numbering_xml_with_a_dtd_is_refused():
    body = numbering_xml(abstract_num(0, lvl(0, "decimal", "%1")), num(1, 0)).split(b"?>", 1)[1]
    xml = b'<?xml version="1.0"?><!DOCTYPE w:numbering [<!ENTITY x "EXPANDED">]>' + body.replace(
        b'w:val="%1"', b'w:val="&x;%1"')
    with pytest.raises(UnsafeFileError):
        Numbering.from_xml(xml)


@pytest.mark.parametrize("xml", [b"", b"<w:numbering", b"\xff\xfe<", b"<a></b>"])
def test_numbering_xml_that_is_not_xml_is_corrupt(xml):
    with pytest.raises(CorruptFileError, match="numbering.xml") as caught:
        Numbering.from_xml(xml, path="plan.docx")
    assert caught.value.path == "plan.docx"


@pytest.mark.parametrize("own,style,style_id,expected", [
    (NumPr("3", 1), NumPr("5", 0), None, ("3", 1)),
    (None, NumPr("5", 2), None, ("5", 2)),
    (NumPr(None, 1), NumPr("5", None), None, ("5", 1)),
    (NumPr("0", None), NumPr("5", 0), None, None),
    (None, None, None, None),
    (None, NumPr("1", None), "Heading2", ("1", 1)),
    (None, NumPr("1", None), "Other", ("1", 0)),
])
def test_resolve_num_pr(own, style, style_id, expected):
    xml = numbering_xml(
        abstract_num(0, lvl(0, "decimal", style="Heading1"), lvl(1, "decimal", style="Heading2")), num(1, 0))
    assert resolve_num_pr(own, style, style_id, Numbering.from_xml(xml)) == expected


@pytest.mark.parametrize("label,suffix,text", [
    ("一、", "tab", "一、总体要求"),
    ("（一）", "tab", "（一）总体要求"),
    ("1．", "space", "1．总体要求"),
    ("1.", "tab", "1.总体要求"),
    ("第一章", "tab", "第一章 总体要求"),
    ("1.1", "space", "1.1 总体要求"),
    ("①", "nothing", "①总体要求"),
])
def test_label_separator(label, suffix, text):
    assert NumberLabel(label, suffix).apply("总体要求") == text


@given(st.lists(st.integers(min_value=0, max_value=2), max_size=40))
def test_counters_match_a_simple_outline_model(levels):
    xml = numbering_xml(
        abstract_num(0, lvl(0, "decimal", "%1"), lvl(1, "decimal", "%1.%2"), lvl(2, "decimal", "%1.%2.%3")),
        num(1, 0),
    )
    counters = [0, 0, 0]
    expected = []
    for ilvl in levels:
        counters[ilvl] += 1
        counters[ilvl + 1:] = [0] * (2 - ilvl)
        expected.append(".".join(str(c) for c in counters[: ilvl + 1]))
    assert labels(xml, [("1", ilvl) for ilvl in levels]) == expected
