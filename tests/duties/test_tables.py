"""Rows of responsibility tables become duties with lead and support owners and deadlines."""
from __future__ import annotations

from pathlib import Path

import pytest

import planparse

from . import tables_factory as factory


def _rows(doc: planparse.model.Document) -> dict[str, tuple[list[tuple[str, str]], str | None]]:
    plan = doc.plans[0]
    names = {a.id: a.name for a in plan.actors}
    times = {t.id: t.text for t in plan.times}
    return {d.action: ([(names[a.actor], a.role) for a in d.assignees], times.get(d.deadline))
            for d in plan.duties}


def test_docx_table_with_a_repeated_header_and_a_merged_lead_cell(tmp_path: Path):
    got = _rows(planparse.parse(factory.write_docx(tmp_path / "plan.docx")))
    assert got["开展校园安全隐患排查"] == ([("县教育局", "lead"), ("县公安局", "support"), ("县消防大队", "support")],
                                     "2024年5月底前")
    assert got["完善校园监控设施"] == ([("县财政局", "lead"), ("县教育局", "support")], "2024年6月30日前")
    # The merged lead cell holds for both rows it spans.
    assert got["组织应急疏散演练"] == ([("县财政局", "lead"), ("县教育局", "support")], "2024年9月底前")
    assert not any(action in ("工作任务", "序号") for action in got)


def test_html_table_with_a_rowspan(tmp_path: Path):
    got = _rows(planparse.parse(factory.write_html(tmp_path / "plan.html")))
    assert got["开展校园安全隐患排查"][1] == "2024年5月底前"
    assert ("县财政局", "lead") in got["完善校园监控设施"][0]
    # The row under a rowspan lacks the spanning cell: its task, owner and deadline are still read.
    owners, deadline = got["组织应急疏散演练"]
    assert "县教育局" in [name for name, _ in owners] and deadline == "2024年9月底前"


def test_plain_text_rows_in_another_column_order():
    got = _rows(planparse.parse_text(factory.plain_text()))
    assert got["开展校园安全隐患排查"] == ([("县教育局", "responsible")], "2024年5月底前")
    assert got["完善校园监控设施"] == ([("县财政局", "responsible")], "2024年6月30日前")
    assert got["组织应急疏散演练"] == ([], "2024年9月底前")


@pytest.mark.parametrize("row", ["检查项目\t检查结果", "数据库是否正常\t是"])
def test_a_table_without_task_and_owner_columns_gives_no_duties(row):
    doc = planparse.parse_text(f"某系统验收工作方案\n一、验收\n检查项目\t检查结果\n{row}\n")
    assert not doc.plans[0].duties
