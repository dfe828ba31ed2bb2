"""decode_text: byte-order marks, declared charsets that hold or lie, detection, never an error."""
from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planparse.read.charset import decode_text, normalise_encoding

PLAN = "一、指导思想\n深入贯彻党的十九大精神，各县（市、区）要于2020年3月底前完成。组长：朱镕基、张喆。"


@pytest.mark.parametrize(("declared", "expected"), [
    ("GB2312", "gb18030"), ("gbk", "gb18030"), ("x-gbk", "gb18030"), ("cp936", "gb18030"),
    ("GB18030", "gb18030"), ("UTF8", "utf-8"), (" 'utf-8' ", "utf-8"), ("big5", "big5"),
    ("no-such-charset", None), ("", None), (None, None),
])
def test_normalise_encoding(declared: str | None, expected: str | None) -> None:
    assert normalise_encoding(declared) == expected


@pytest.mark.parametrize(("bom", "codec", "name"), [
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
])
def test_byte_order_mark_wins_over_a_declaration(bom: bytes, codec: str, name: str) -> None:
    text, encoding = decode_text(bom + PLAN.encode(codec), declared="gb2312")
    assert (text, encoding) == (PLAN, name)


def test_declared_gb2312_reads_gbk_characters_through_gb18030() -> None:
    # 镕 and 喆 are GBK, not GB2312: a page that says gb2312 still uses them.
    text, encoding = decode_text(PLAN.encode("gbk"), declared="gb2312")
    assert (text, encoding) == (PLAN, "gb18030")


def test_declared_legacy_charset_over_utf8_bytes_is_read_as_utf8() -> None:
    assert decode_text(PLAN.encode("utf-8"), declared="gbk") == (PLAN, "utf-8")


def test_declared_utf8_over_gbk_bytes_is_detected() -> None:
    assert decode_text(PLAN.encode("gbk"), declared="utf-8") == (PLAN, "gb18030")


def test_declared_latin1_over_gbk_bytes_is_detected() -> None:
    assert decode_text(PLAN.encode("gbk"), declared="iso-8859-1") == (PLAN, "gb18030")


def test_unknown_declaration_is_ignored() -> None:
    assert decode_text(PLAN.encode("gbk"), declared="no-such-charset") == (PLAN, "gb18030")


@pytest.mark.parametrize("sample", [PLAN, "组长：张三", "关于印发实施方案的通知"])
def test_undeclared_gbk_is_detected_even_when_short(sample: str) -> None:
    assert decode_text(sample.encode("gbk")) == (sample, "gb18030")


def test_undeclared_utf8() -> None:
    assert decode_text(PLAN.encode("utf-8")) == (PLAN, "utf-8")


def test_ascii_is_utf8() -> None:
    assert decode_text(b"plain text") == ("plain text", "utf-8")


def test_undecodable_bytes_become_replacement_characters() -> None:
    text, encoding = decode_text(b"\x81\xff\xfe\x00\x80\x8f\xff" * 50)
    assert isinstance(text, str) and encoding


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=400), declared=st.sampled_from([None, "utf-8", "gb2312", "big5", "latin-1", "bogus"]))
def test_never_raises(data: bytes, declared: str | None) -> None:
    text, encoding = decode_text(data, declared)
    assert isinstance(text, str)
    assert codecs.lookup(encoding)
