from __future__ import annotations

from planparse import parse
from planparse.read import read

MD = """---
title: 元数据里的标题
doc_no: 某发〔2024〕1号
---
# 某某社区环境整治行动方案

## 工作目标

**到2024年底**，社区环境明显改善。

## 工作措施

一、加强组织领导
二、落实责任分工

---
"""


def test_headings_front_matter_and_marks(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text(MD, encoding="utf-8")
    blocks = read(path).blocks
    assert [(b.kind, b.heading_level, b.text) for b in blocks[:3]] == [
        ("heading", 1, "某某社区环境整治行动方案"), ("heading", 2, "工作目标"), ("paragraph", None, "到2024年底，社区环境明显改善。")]
    assert all("元数据" not in b.text and b.text != "---" for b in blocks)


def test_markdown_headings_are_unnumbered_sections(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text(MD, encoding="utf-8")
    [plan] = parse(path).plans
    assert plan.title == "某某社区环境整治行动方案"
    assert [(s.level, s.label, s.title) for s in plan.sections] == [
        (1, None, "工作目标"), (1, None, "工作措施"), (2, "一、", "加强组织领导"), (2, "二、", "落实责任分工")]
