"""Formatting markup cut from document.xml before parsing: never what the reader reads."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from planparse.read import docx as docx_reader
from planparse.read.docx import read_docx
from planparse.read.formatting import formatting, without_formatting
from planparse.read.numbering import W_NS

from .docx_factory import DocxBuilder

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / ".." / "shared" / "corpus"
HEAD = f'<w:document xmlns:w="{W_NS}"><w:body>'.encode()
TAIL = b"</w:body></w:document>"


@pytest.mark.parametrize("case", formatting()["examples"], ids=lambda c: c["xml"][:30])
def test_example(case):
    assert without_formatting(HEAD + case["xml"].encode() + TAIL) == HEAD + case["slim"].encode() + TAIL


def test_nothing_is_cut_where_w_is_not_wordprocessingml():
    xml = b'<w:document xmlns:w="urn:other"><w:sz/></w:document>'
    assert without_formatting(xml) == xml


def test_nothing_is_cut_from_a_body_with_cdata():
    xml = HEAD + b"<w:p><w:r><w:t><![CDATA[<w:sz/>]]></w:t></w:r></w:p>" + TAIL
    assert without_formatting(xml) == xml


def _read_names() -> set[str]:
    """The local names of WordprocessingML elements the reader's tables of tags hold."""
    found: set[str] = set()
    for value in vars(docx_reader).values():
        items = value if isinstance(value, (frozenset, set, tuple, dict)) else (value,)
        for item in items:
            if isinstance(item, str) and item.startswith(f"{{{W_NS}}}"):
                found.add(etree.QName(item).localname)
        if isinstance(value, dict):
            found |= {etree.QName(v).localname for v in value.values()
                      if isinstance(v, str) and v.startswith(f"{{{W_NS}}}")}
    return found


def test_no_listed_element_is_one_the_reader_reads():
    read = _read_names()
    assert {"p", "t", "tcPr", "vMerge", "vanish"} <= read
    listed = set(formatting()["empty_elements"]) | set(formatting()["containers"])
    assert not listed & read


def _documents() -> list[tuple[str, bytes]]:
    builder = DocxBuilder()
    builder.heading("一、总体要求", 1)
    builder.paragraph("各部门要落实责任。")
    builder.xml('<w:p><w:r><w:rPr><w:b/><w:sz w:val="28"/><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>'
                '<w:r><w:rPr><w:rFonts w:ascii="SimSun"/><w:sz w:val="28"/></w:rPr><w:tab/><w:t>可见</w:t></w:r></w:p>')
    builder.table([["序号", "工作任务", "牵头单位"], ["1", "制定方案", "教育局"]])
    found = [("built", builder.to_bytes())]
    for folder in (CORPUS, REPO / "corpora"):
        if folder.is_dir():
            found += [(path.name, path.read_bytes()) for path in sorted(folder.glob("*.docx"))]
    return found


@pytest.mark.parametrize("name,data", _documents(), ids=lambda x: x if isinstance(x, str) else "")
def test_a_document_reads_the_same_with_and_without_the_cut(name, data, monkeypatch):
    path = Path(name)
    trimmed = read_docx(path, data)
    monkeypatch.setattr(docx_reader, "without_formatting", lambda xml: xml)
    assert read_docx(path, data) == trimmed
    assert trimmed.blocks
