"""Build corpora/sample_responsibility_table.docx, a made-up district work plan.

The plan's list numbers (一、 （一） 1、 and the 序号 column of its responsibility table) exist
only as Word auto-numbering, as in many real plans: the text of those paragraphs has no
number, and a reader that ignores word/numbering.xml loses the structure. Section headings
take their numbering and outline level from paragraph styles; items carry numPr directly.
The 牵头单位 of the table's first two tasks is one vertically merged cell.

    python tools/make_sample_docx.py [OUTPUT]

The bytes are reproducible: fixed core properties and fixed zip timestamps.
"""
from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph

OUTPUT = Path(__file__).resolve().parents[1] / "corpora" / "sample_responsibility_table.docx"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FIXED_DATE = dt.datetime(2024, 3, 1, 9, 0, 0)

OUTLINE_LIST = 1
TABLE_SERIAL_LIST = 2
NUMBERING_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0">
<w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="PlanLevel1"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="PlanLevel2"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%3、"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
<w:multiLevelType w:val="singleLevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%1"/><w:lvlJc w:val="center"/></w:lvl>
</w:abstractNum>
<w:num w:numId="{OUTLINE_LIST}"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="{TABLE_SERIAL_LIST}"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>
""".encode()

TITLE = "XX区2024年校园安全专项整治工作方案"

# (kind, text): kind 1 and 2 are numbered section headings, 3 a numbered item, "p" body text.
PLAN: list[tuple[str, str]] = [
    ("p", "为深入贯彻落实上级关于加强校园安全工作的部署要求，切实维护全区中小学校、幼儿园正常教育教学秩序，"
          "保障师生生命财产安全，经研究，决定在全区开展2024年校园安全专项整治行动。现制定本方案如下。"),
    ("1", "总体要求"),
    ("p", "坚持“安全第一、预防为主、综合治理”方针，以排查整治校园及周边安全隐患为重点，压实学校主体责任、"
          "部门监管责任和属地管理责任，力争2024年6月30日前实现校园安全隐患动态清零。"),
    ("1", "整治重点"),
    ("2", "校园周边治安秩序"),
    ("3", "全面排查校园周边200米范围内的娱乐场所、网吧、出租屋等重点场所，依法查处违规接纳未成年人的行为。"),
    ("3", "落实上下学时段“护学岗”制度，城区学校周边高峰勤务覆盖率达到100%。"),
    ("2", "校园食品安全"),
    ("3", "开展学校食堂及校外供餐单位全覆盖检查，2024年4月30日前完成“明厨亮灶”改造。"),
    ("3", "严格落实校领导陪餐制度和食品留样制度，杜绝过期变质食品流入校园。"),
    ("2", "校舍及消防安全"),
    ("3", "对全区校舍开展安全鉴定，发现C级、D级危房立即停止使用并上报区住房和城乡建设局。"),
    ("3", "2024年3月31日前完成消防设施检测维护，每学期至少组织一次全员疏散演练。"),
    ("1", "组织领导"),
    ("p", "成立XX区校园安全专项整治工作领导小组，负责统筹协调整治行动中的重大事项。"),
    ("p", "组　长：张某某（区人民政府副区长）"),
    ("p", "副组长：李某某（区教育局局长）、王某某（区公安分局副局长）"),
    ("p", "成　员：区教育局、区公安分局、区市场监督管理局、区住房和城乡建设局、区消防救援大队、"
          "各街道办事处分管负责同志。"),
    ("p", "领导小组下设办公室，办公室设在区教育局，负责日常联络、督导检查和信息汇总工作。"),
    ("1", "实施步骤"),
    ("2", "动员部署阶段（2024年3月1日至3月15日）"),
    ("p", "各单位制定具体实施方案，明确责任人和时间表，于2024年3月15日前报区教育局备案。"),
    ("2", "集中整治阶段（2024年3月16日至5月31日）"),
    ("p", "各牵头单位按照责任分工开展排查整治，建立问题清单、责任清单和整改清单，每月25日前报送工作进展。"),
    ("2", "总结验收阶段（2024年6月1日至6月30日）"),
    ("p", "领导小组办公室组织联合验收，对整治不力、隐患突出的单位予以通报。"),
    ("1", "工作要求"),
    ("3", "强化责任落实。各单位主要负责同志为第一责任人，要亲自部署、亲自督办。"),
    ("3", "加强信息报送。发生涉校安全事件的，须在1小时内向领导小组办公室报告。"),
    ("3", "严格督查问责。对工作推进不力、造成严重后果的，依规依纪追究相关人员责任。"),
]

TABLE_HEADER = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
# The 序号 cells stay empty: Word draws their numbers. None under 牵头单位 continues the merge above.
TABLE_ROWS: list[list[str | None]] = [
    ["校园周边重点场所排查整治", "区公安分局", "区市场监督管理局、各街道办事处", "2024年5月31日前"],
    ["“护学岗”勤务落实", None, "区教育局", "长期坚持"],
    ["学校食堂“明厨亮灶”改造", "区市场监督管理局", "区教育局", "2024年4月30日前"],
    ["校舍安全鉴定", "区住房和城乡建设局", "区教育局", "2024年5月15日前"],
    ["消防设施检测维护及疏散演练", "区消防救援大队", "区教育局、各学校", "2024年3月31日前"],
    ["专项整治总结验收", "区教育局", "领导小组各成员单位", "2024年6月30日前"],
]


def _num_pr(num_id: int, ilvl: int | None = None) -> str:
    ilvl_xml = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    return f'<w:numPr xmlns:w="{W_NS}">{ilvl_xml}<w:numId w:val="{num_id}"/></w:numPr>'


def _number(paragraph: Paragraph, num_id: int, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = parse_xml(_num_pr(num_id, ilvl))
    style = ppr.find(qn("w:pStyle"))
    # numPr follows pStyle (and precedes jc, ind...) in the schema's order.
    if style is not None:
        style.addnext(num_pr)
    else:
        ppr.insert(0, num_pr)


def _east_asian_font(style: BaseStyle, name: str) -> None:
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), name)


def _styles(document: docx.document.Document) -> None:
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    _east_asian_font(normal, "仿宋_GB2312")
    for style_id, name, ilvl, font in (("PlanLevel1", "方案一级标题", 0, "黑体"),
                                       ("PlanLevel2", "方案二级标题", 1, "楷体_GB2312")):
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(qn("w:styleId"), style_id)
        style.base_style = normal
        style.quick_style = True
        ppr = style.element.get_or_add_pPr()
        # numPr without ilvl: the level is found through w:lvl/w:pStyle, as Word does for linked styles.
        ppr.append(parse_xml(_num_pr(OUTLINE_LIST)))
        ppr.append(parse_xml(f'<w:outlineLvl xmlns:w="{W_NS}" w:val="{ilvl}"/>'))
        _east_asian_font(style, font)


def _front_matter(document: docx.document.Document) -> None:
    issuer = document.add_paragraph("XX区教育局　XX区公安分局　XX区市场监督管理局")
    issuer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number = document.add_paragraph("X教发〔2024〕12号")
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title = document.add_paragraph(TITLE, style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _body(document: docx.document.Document) -> None:
    for kind, text in PLAN:
        if kind == "1":
            document.add_paragraph(text, style="方案一级标题")
        elif kind == "2":
            document.add_paragraph(text, style="方案二级标题")
        elif kind == "3":
            _number(document.add_paragraph(text), OUTLINE_LIST, 2)
        else:
            document.add_paragraph(text)


def _responsibility_table(document: docx.document.Document) -> None:
    document.add_heading("附件：校园安全专项整治责任分工表", level=1)
    table = document.add_table(rows=len(TABLE_ROWS) + 1, cols=len(TABLE_HEADER))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for column, text in enumerate(TABLE_HEADER):
        table.cell(0, column).text = text
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader xmlns:w="{W_NS}"/>'))
    for row, values in enumerate(TABLE_ROWS, 1):
        serial = table.cell(row, 0).paragraphs[0]
        _number(serial, TABLE_SERIAL_LIST, 0)
        serial.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for column, text in enumerate(values, 1):
            if text is None:
                table.cell(row - 1, column).merge(table.cell(row, column))
            else:
                table.cell(row, column).text = text


def _closing(document: docx.document.Document) -> None:
    for text in ("XX区教育局", "2024年3月1日"):
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT


def build() -> bytes:
    """The sample .docx as bytes."""
    document = docx.Document()
    _styles(document)
    _front_matter(document)
    _body(document)
    _responsibility_table(document)
    _closing(document)
    properties = document.core_properties
    properties.title = TITLE
    properties.author = "XX区教育局"
    properties.last_modified_by = "XX区教育局"
    properties.comments = "planparse sample document: all names, units and dates are invented"
    properties.created = properties.modified = FIXED_DATE
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _with_numbering(buffer.getvalue())


def _with_numbering(data: bytes) -> bytes:
    # Rewriting every member also pins the timestamps that python-docx sets to "now".
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = NUMBERING_XML if info.filename == "word/numbering.xml" else source.read(info)
            target.writestr(zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else OUTPUT
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(build())
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
