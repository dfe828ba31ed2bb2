"""Sections from Word documents: styles, auto-numbering and tables through the whole parse."""
from __future__ import annotations

import docx

from planparse import parse, parse_text


def test_unnumbered_heading_styles_give_the_tree(tmp_path):
    d = docx.Document()
    d.add_paragraph("某某医院2024年院感防控工作方案", style="Title")
    d.add_heading("总体要求", level=1)
    d.add_paragraph("坚持预防为主，落实防控责任。")
    d.add_heading("重点任务", level=1)
    d.add_heading("加强培训", level=2)
    d.add_paragraph("各科室要每月组织一次院感培训。")
    d.add_heading("强化监测", level=2)
    d.add_heading("保障措施", level=1)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "一、任务", "牵头科室"
    table.cell(1, 0).text, table.cell(1, 1).text = "二、培训", "院感科"
    path = tmp_path / "plan.docx"
    d.save(path)
    doc = parse(path)
    [plan] = doc.plans
    assert plan.title == "某某医院2024年院感防控工作方案"
    assert [(s.level, s.title) for s in plan.sections] == [
        (1, "总体要求"), (1, "重点任务"), (2, "加强培训"), (2, "强化监测"), (1, "保障措施")]
    assert doc.source_position(plan.sections[2].span[0])[0].startswith("body/p[")


def test_sample_docx_auto_numbering_gives_the_tree():
    from .conftest import CORPORA

    [plan] = parse(CORPORA / "sample_responsibility_table.docx").plans
    tops = [s.label for s in plan.sections if s.level == 1]
    assert tops == ["一、", "二、", "三、", "四、", "五、"]
    by_id = {s.id: s for s in plan.sections}
    items = [s for s in plan.sections if s.label == "2、" and s.level == 3]
    assert {by_id[s.parent].label for s in items} == {"（一）", "（二）", "（三）"}



def test_line_col_counts_lines_and_columns_from_one():
    doc = parse_text("甲乙\n丙丁戊\n己")
    assert doc.text == "甲乙\n丙丁戊\n己"
    assert [doc.line_col(i) for i in (0, 1, 2, 3, 5, 6, 7, 8)] == \
        [(1, 1), (1, 2), (1, 3), (2, 1), (2, 3), (2, 4), (3, 1), (3, 2)]
