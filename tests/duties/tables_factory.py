"""Plans holding responsibility tables, written as .docx, .html and plain text for the table tests."""
from __future__ import annotations

from pathlib import Path

import docx

TITLE = "某县校园安全专项整治工作方案"
HEADER = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
ROWS = [
    ["1", "开展校园安全隐患排查", "县教育局", "县公安局、县消防大队", "2024年5月底前"],
    ["2", "完善校园监控设施", "县财政局", "县教育局", "2024年6月30日前"],
    ["3", "组织应急疏散演练", "县应急管理局", "县教育局", "2024年9月底前"],
]
# The same tasks, columns in another order and the lead column merged down over two rows.
REORDERED = ["完成时限", "责任单位", "重点任务"]


def write_docx(path: Path) -> Path:
    """Header repeated before the second row; the lead cell of rows 2 and 3 merged vertically."""
    d = docx.Document()
    d.add_paragraph(TITLE)
    d.add_paragraph("一、任务分工")
    table = d.add_table(rows=len(ROWS) + 2, cols=len(HEADER))
    body = [HEADER, ROWS[0], HEADER, ROWS[1], ROWS[2]]
    for r, values in enumerate(body):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    table.cell(3, 2).merge(table.cell(4, 2))
    table.cell(3, 2).text = "县财政局"
    d.add_paragraph("二、工作要求")
    d.add_paragraph("各单位要按照分工抓好落实。")
    d.save(path)
    return path


def write_html(path: Path) -> Path:
    """The lead cell spans two rows (rowspan), so the row below it has one cell fewer."""
    head = "".join(f"<th>{h}</th>" for h in HEADER)
    first = "".join(f"<td>{v}</td>" for v in ROWS[0])
    second = (f"<td>{ROWS[1][0]}</td><td>{ROWS[1][1]}</td><td rowspan=\"2\">县财政局</td>"
              f"<td>{ROWS[1][3]}</td><td>{ROWS[1][4]}</td>")
    third = f"<td>{ROWS[2][0]}</td><td>{ROWS[2][1]}</td><td>{ROWS[2][3]}</td><td>{ROWS[2][4]}</td>"
    html = (f"<html><head><meta charset=\"utf-8\"><title>{TITLE}</title></head><body>"
            f"<h1>{TITLE}</h1><p>一、任务分工</p><table><tr>{head}</tr><tr>{first}</tr><tr>{second}</tr>"
            f"<tr>{third}</tr></table><p>二、工作要求</p><p>各单位要按照分工抓好落实。</p></body></html>")
    path.write_text(html, encoding="utf-8")
    return path


def plain_text() -> str:
    """Tab-separated rows, columns reordered, an empty owner cell."""
    lines = [TITLE, "一、任务分工", "\t".join(REORDERED)]
    lines += ["\t".join([r[4], r[2], r[1]]) for r in ROWS[:2]]
    lines += ["\t".join([ROWS[2][4], "", ROWS[2][1]])]
    return "\n".join(lines) + "\n"
