from __future__ import annotations

import pytest

from planparse import parse
from planparse.read import read

PLAN = "某某学校安全工作实施方案\n一、指导思想\n坚持“安全第一、预防为主”，确保师生平安。\n二、组织领导\n组长：张三\n"


@pytest.mark.parametrize("encoding,expected", [
    ("utf-8", "utf_8"), ("utf-8-sig", "utf_8"), ("utf-16", "utf_16"), ("gbk", "gb18030"), ("gb18030", "gb18030"),
])
def test_encodings_are_detected(tmp_path, encoding, expected):
    path = tmp_path / f"plan-{encoding}.txt"
    path.write_bytes(PLAN.encode(encoding))
    src = read(path)
    assert src.encoding.replace("-", "_").startswith(expected)
    assert src.blocks[0].text == "某某学校安全工作实施方案"
    assert src.blocks[1].locator == "line 2"
    doc = parse(path)
    assert doc.plans[0].title == "某某学校安全工作实施方案"
    assert doc.source.encoding == src.encoding


def test_gb18030_only_characters(tmp_path):
    text = PLAN + "联系人：王㛃\n"
    path = tmp_path / "rare.txt"
    path.write_bytes(text.encode("gb18030"))
    assert "王㛃" in parse(path).text


def test_block_offsets_index_the_decoded_text(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("\n\n  标题行\n正文一行\n", encoding="utf-8")
    blocks = read(path).blocks
    assert [b.locator for b in blocks] == ["line 3", "line 4"]
    assert blocks[0].offset == (2, 7)
