"""The .docx reader: body order, headings, auto-numbering, tables, TOC, and unsafe or broken files."""
from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

import pytest

from planparse.errors import CorruptFileError, EmptyFileError, UnsafeFileError
from planparse.read import read
from planparse.read.blocks import Block
from planparse.read.docx import TOC_WARNING, read_docx

from .docx_factory import (
    DocxBuilder,
    abstract_num,
    field,
    lvl,
    num,
    number,
    numbering_xml,
    rewrite_zip,
    run,
    single_list,
)

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / ".." / "shared" / "corpus"
SAMPLE = REPO / "corpora" / "sample_responsibility_table.docx"

PLAN_OUTLINE = numbering_xml(
    abstract_num(
        0,
        lvl(0, "chineseCounting", "%1、", suff="nothing"),
        lvl(1, "chineseCounting", "（%2）", suff="nothing"),
        lvl(2, "decimal", "%3、", suff="nothing"),
    ),
    num(1, 0),
)


def blocks_of(builder: DocxBuilder, tmp_path: Path) -> list[Block]:
    path = builder.save(tmp_path / "plan.docx")
    return read_docx(path, path.read_bytes()).blocks


def texts(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks]


def corpus_file(name: str) -> Path:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"corpus file {name} is not available (../shared/corpus beside the repository)")
    return path


# ---------------------------------------------------------------------------------------
# Body order, headings, styles

def test_paragraphs_and_tables_come_in_body_order(tmp_path):
    b = DocxBuilder()
    b.paragraph("方案前言")
    b.table([["序号", "任务"], ["1", "排查"]])
    b.paragraph("中间段落")
    b.table([["单位", "时限"], ["区教育局", "3月底"]])
    b.paragraph("结尾段落")
    blocks = blocks_of(b, tmp_path)
    assert [(x.kind, x.locator) for x in blocks] == [
        ("paragraph", "body/p[1]"),
        ("table_row", "body/tbl[1]/tr[1]"),
        ("table_row", "body/tbl[1]/tr[2]"),
        ("paragraph", "body/p[2]"),
        ("table_row", "body/tbl[2]/tr[1]"),
        ("table_row", "body/tbl[2]/tr[2]"),
        ("paragraph", "body/p[3]"),
    ]
    assert blocks[2].cells == ("1", "排查")
    assert blocks[2].text == "1\t排查"
    assert all(x.offset is None for x in blocks)


def test_empty_paragraphs_are_skipped_but_counted_in_locators(tmp_path):
    b = DocxBuilder()
    b.paragraph("甲")
    b.paragraph("")
    b.paragraph("乙")
    assert [(x.text, x.locator) for x in blocks_of(b, tmp_path)] == [("甲", "body/p[1]"), ("乙", "body/p[3]")]


def test_heading_styles_and_outline_levels(tmp_path):
    b = DocxBuilder()
    b.style("标题 2", base="Normal")
    b.style("章标题", base="Heading 3")
    b.style("大纲段落", base="Normal", outline=0)
    b.document.add_heading("方案名称", level=0)
    b.heading("一、总体要求", 1)
    b.paragraph("（一）指导思想", style="标题 2")
    b.paragraph("某某章", style="章标题")
    b.paragraph("WPS 大纲级别", outline=1)
    b.paragraph("样式大纲级别", style="大纲段落")
    b.paragraph("正文大纲级别", style="Heading 1", outline=9)
    b.paragraph("普通正文")
    got = [(x.text, x.kind, x.heading_level, x.style) for x in blocks_of(b, tmp_path)]
    assert got == [
        ("方案名称", "paragraph", None, "Title"),
        ("一、总体要求", "heading", 1, "Heading 1"),
        ("（一）指导思想", "heading", 2, "标题 2"),
        ("某某章", "heading", 3, "章标题"),
        ("WPS 大纲级别", "heading", 2, "Normal"),
        ("样式大纲级别", "heading", 1, "大纲段落"),
        ("正文大纲级别", "paragraph", None, "Heading 1"),
        ("普通正文", "paragraph", None, "Normal"),
    ]


# ---------------------------------------------------------------------------------------
# Auto-numbering

@pytest.mark.parametrize("fmt,text,start,expected", [
    ("decimal", "%1、", 1, ["1、", "2、", "3、"]),
    ("decimalFullWidth", "%1、", 1, ["１、", "２、", "３、"]),
    ("decimalZero", "%1.", 8, ["08.", "09.", "10."]),
    ("chineseCounting", "%1、", 9, ["九、", "十、", "十一、"]),
    ("chineseCountingThousand", "%1、", 1, ["一、", "二、", "三、"]),
    ("chineseLegalSimplified", "%1、", 1, ["壹、", "贰、", "叁、"]),
    ("ideographTraditional", "%1、", 1, ["甲、", "乙、", "丙、"]),
    ("decimalEnclosedCircle", "%1", 1, ["①", "②", "③"]),
    ("decimalEnclosedCircleChinese", "%1", 19, ["⑲", "⑳", "21"]),
    ("lowerLetter", "%1)", 1, ["a)", "b)", "c)"]),
    ("upperLetter", "%1.", 1, ["A.", "B.", "C."]),
    ("lowerRoman", "(%1)", 1, ["(i)", "(ii)", "(iii)"]),
    ("upperRoman", "%1.", 3, ["III.", "IV.", "V."]),
])
def test_each_number_format_in_a_document(tmp_path, fmt, text, start, expected):
    b = DocxBuilder().numbering(single_list(fmt, text, start, suff="nothing"))
    for item in ("甲项", "乙项", "丙项"):
        b.paragraph(item, num_id=1, ilvl=0)
    blocks = blocks_of(b, tmp_path)
    assert [x.label for x in blocks] == expected
    assert texts(blocks) == [label + item for label, item in zip(expected, ("甲项", "乙项", "丙项"), strict=True)]


def test_three_level_plan_outline_with_reset(tmp_path):
    b = DocxBuilder().numbering(PLAN_OUTLINE)
    for text, ilvl in [("总体要求", 0), ("主要任务", 0), ("加强排查", 1), ("建立台账", 2), ("定期复查", 2),
                       ("落实整改", 1), ("限期整改", 2), ("保障措施", 0), ("强化督导", 2)]:
        b.paragraph(text, num_id=1, ilvl=ilvl)
    assert texts(blocks_of(b, tmp_path)) == [
        "一、总体要求", "二、主要任务", "（一）加强排查", "1、建立台账", "2、定期复查",
        "（二）落实整改", "1、限期整改", "三、保障措施", "1、强化督导",
    ]


def test_two_placeholders_and_suffix(tmp_path):
    xml = numbering_xml(abstract_num(0, lvl(0, "decimal", "%1"), lvl(1, "decimal", "%1.%2", suff="space")), num(1, 0))
    b = DocxBuilder().numbering(xml)
    b.paragraph("总则", num_id=1, ilvl=0)
    b.paragraph("编制目的", num_id=1, ilvl=1)
    b.paragraph("编制依据", num_id=1, ilvl=1)
    assert texts(blocks_of(b, tmp_path)) == ["1 总则", "1.1 编制目的", "1.2 编制依据"]


def test_start_override_restarts_a_list_sharing_the_abstract_num(tmp_path):
    xml = numbering_xml(abstract_num(0, lvl(0, "decimal", "%1、")), num(1, 0), num(2, 0, start_overrides={0: 1}))
    b = DocxBuilder().numbering(xml)
    b.paragraph("甲", num_id=1, ilvl=0)
    b.paragraph("乙", num_id=1, ilvl=0)
    b.paragraph("另起一组", num_id=2, ilvl=0)
    b.paragraph("丙", num_id=2, ilvl=0)
    assert texts(blocks_of(b, tmp_path)) == ["1、甲", "2、乙", "1、另起一组", "2、丙"]


def test_lvl_restart_zero_keeps_counting_across_parents(tmp_path):
    xml = numbering_xml(
        abstract_num(0, lvl(0, "chineseCounting", "%1、"), lvl(1, "decimal", "%2.", restart=0)), num(1, 0))
    b = DocxBuilder().numbering(xml)
    for text, ilvl in [("一级", 0), ("条目", 1), ("条目", 1), ("一级", 0), ("条目", 1)]:
        b.paragraph(text, num_id=1, ilvl=ilvl)
    assert texts(blocks_of(b, tmp_path)) == ["一、一级", "1.条目", "2.条目", "二、一级", "3.条目"]


def test_numbering_from_paragraph_style_through_based_on(tmp_path):
    b = DocxBuilder().numbering(PLAN_OUTLINE)
    b.style("一级标题", base="Normal", num_id=1, ilvl=0, outline=0)
    b.style("一级标题（加粗）", base="一级标题")
    b.style("二级标题", base="一级标题", ilvl=1)
    b.paragraph("总体要求", style="一级标题")
    b.paragraph("主要任务", style="一级标题（加粗）")
    b.paragraph("加强排查", style="二级标题")
    blocks = blocks_of(b, tmp_path)
    assert texts(blocks) == ["一、总体要求", "二、主要任务", "（一）加强排查"]
    assert [x.heading_level for x in blocks] == [1, 1, 1]


def test_level_bound_to_a_style_through_lvl_pstyle(tmp_path):
    xml = numbering_xml(
        abstract_num(0, lvl(0, "chineseCounting", "%1、", style="PlanH1"), lvl(1, "chineseCounting", "（%2）",
                                                                                style="PlanH2")),
        num(1, 0))
    b = DocxBuilder().numbering(xml)
    b.style("PlanH1", base="Normal", num_id=1)
    b.style("PlanH2", base="Normal", num_id=1)
    b.paragraph("总体要求", style="PlanH1")
    b.paragraph("指导思想", style="PlanH2")
    assert texts(blocks_of(b, tmp_path)) == ["一、总体要求", "（一）指导思想"]


def test_num_id_zero_switches_style_numbering_off(tmp_path):
    b = DocxBuilder().numbering(PLAN_OUTLINE)
    b.style("一级标题", base="Normal", num_id=1, ilvl=0)
    b.paragraph("总体要求", style="一级标题")
    b.paragraph("不编号的标题", style="一级标题", num_id=0)
    b.paragraph("主要任务", style="一级标题")
    blocks = blocks_of(b, tmp_path)
    assert texts(blocks) == ["一、总体要求", "不编号的标题", "二、主要任务"]
    assert blocks[1].label is None


def test_bullets_get_no_label(tmp_path):
    b = DocxBuilder().numbering(single_list("bullet", "\uf06c"))
    b.paragraph("加强宣传", num_id=1, ilvl=0)
    blocks = blocks_of(b, tmp_path)
    assert texts(blocks) == ["加强宣传"]
    assert blocks[0].label is None


def test_numbered_cells_and_label_only_paragraphs(tmp_path):
    b = DocxBuilder().numbering(single_list("decimal", "%1", suff="nothing"))
    table = b.table([["序号", "任务"], ["", "排查"], ["", "整改"]])
    for row in (1, 2):
        number(table.cell(row, 0).paragraphs[0], 1)
    b.paragraph("续表说明", num_id=1, ilvl=0)
    blocks = blocks_of(b, tmp_path)
    assert [x.cells for x in blocks if x.kind == "table_row"] == [("序号", "任务"), ("1", "排查"), ("2", "整改")]
    # The list goes on after the table, as it does in Word.
    assert blocks[-1].text == "3续表说明"


# ---------------------------------------------------------------------------------------
# Tables

def test_merged_cells_and_header_row(tmp_path):
    b = DocxBuilder()
    table = b.table([
        ["序号", "工作任务", "牵头单位", "完成时限"],
        ["1", "隐患排查", "", ""],
        ["2", "整改落实", "", "2024年5月31日前"],
        ["3", "总结验收", "区教育局", "2024年6月30日前"],
    ])
    lead = table.cell(1, 2).merge(table.cell(2, 2))
    lead.text = "区安委办"
    deadline = table.cell(1, 3)
    deadline.text = "2024年4月30日前"
    wide = table.cell(3, 1).merge(table.cell(3, 2))
    wide.text = "总结验收（区教育局牵头）"
    rows = blocks_of(b, tmp_path)
    assert [x.cells for x in rows] == [
        ("序号", "工作任务", "牵头单位", "完成时限"),
        ("1", "隐患排查", "区安委办", "2024年4月30日前"),
        ("2", "整改落实", "区安委办", "2024年5月31日前"),
        ("3", "总结验收（区教育局牵头）", "2024年6月30日前"),
    ]
    assert rows[2].text == "2\t整改落实\t区安委办\t2024年5月31日前"


def test_legacy_horizontal_merge_and_grid_before(tmp_path):
    b = DocxBuilder().xml(
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr><w:tc><w:tcPr><w:hMerge w:val=\"restart\"/></w:tcPr><w:p>" + run("责任分工") + "</w:p></w:tc>"
        "<w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p>" + run("时限") + "</w:p></w:tc></w:tr>"
        "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr><w:tc><w:p>" + run("区教育局") + "</w:p></w:tc>"
        "<w:tc><w:p>" + run("3月底") + "</w:p></w:tc></w:tr>"
        "</w:tbl>")
    assert [x.cells for x in blocks_of(b, tmp_path)] == [("责任分工", "时限"), ("区教育局", "3月底")]


def test_nested_table_becomes_lines_of_its_cell(tmp_path):
    b = DocxBuilder()
    outer = b.table([["任务", "分工"], ["隐患排查", ""]])
    cell = outer.cell(1, 1)
    cell.paragraphs[0].text = "分工如下："
    inner = cell.add_table(rows=2, cols=2)
    for r, (unit, role) in enumerate([("区教育局", "牵头"), ("区公安分局", "配合")]):
        inner.cell(r, 0).text = unit
        inner.cell(r, 1).text = role
    rows = blocks_of(b, tmp_path)
    assert rows[1].cells == ("隐患排查", "分工如下：\n区教育局 牵头\n区公安分局 配合")


def test_single_cell_table_is_read_as_body_text(tmp_path):
    b = DocxBuilder().numbering(PLAN_OUTLINE)
    frame = b.table([["专栏"]])
    frame.cell(0, 0).add_paragraph("专栏内的第二段")
    b.paragraph("总体要求", num_id=1, ilvl=0)
    blocks = blocks_of(b, tmp_path)
    assert [(x.kind, x.text, x.locator) for x in blocks] == [
        ("paragraph", "专栏", "body/tbl[1]/tr[1]/tc[1]/p[1]"),
        ("paragraph", "专栏内的第二段", "body/tbl[1]/tr[1]/tc[1]/p[2]"),
        ("paragraph", "一、总体要求", "body/p[1]"),
    ]


# ---------------------------------------------------------------------------------------
# What Word shows inside a paragraph

def test_shown_text_only(tmp_path):
    b = DocxBuilder().xml(
        "<w:p>"
        + run("详见第") + field("PAGEREF _Ref1234 \\h", "5") + run("页，")
        + '<w:del w:id="1" w:author="a"><w:r><w:delText>删除的话</w:delText></w:r></w:del>'
        + '<w:ins w:id="2" w:author="a">' + run("插入的话，") + "</w:ins>"
        + '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的话</w:t></w:r>'
        + '<w:hyperlink r:id="rId99" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        + run("链接文字") + "</w:hyperlink>"
        + '<w:sdt><w:sdtPr/><w:sdtContent>' + run("，控件文字") + "</w:sdtContent></w:sdt>"
        + '<w:smartTag w:uri="u" w:element="place">' + run("，智能标记") + "</w:smartTag>"
        + '<w:fldSimple w:instr=" DATE \\@ &quot;yyyy年M月d日&quot; ">' + run("，2024年3月1日") + "</w:fldSimple>"
        + "<w:r><w:br/>" + '<w:t>第二行</w:t></w:r>'
        + "</w:p>")
    (block,) = blocks_of(b, tmp_path)
    assert block.text == "详见第5页，插入的话，链接文字，控件文字，智能标记，2024年3月1日\n第二行"
    assert "PAGEREF" not in block.text and "DATE" not in block.text


def test_text_box_content_is_read_once(tmp_path):
    box = "<w:txbxContent><w:p>" + run("XX区教育局文件") + "</w:p></w:txbxContent>"
    b = DocxBuilder().xml(
        "<w:p><w:r><mc:AlternateContent>"
        "<mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData>"
        f"<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>" + run("正文") + "</w:p>")
    blocks = blocks_of(b, tmp_path)
    assert [(x.text, x.locator) for x in blocks] == [
        ("正文", "body/p[1]"), ("XX区教育局文件", "body/p[1]/txbx[1]/p[1]")]


# ---------------------------------------------------------------------------------------
# Tables of contents

def toc_warning(path: Path) -> list[str]:
    out = read_docx(path, path.read_bytes())
    return [w.message for w in out.warnings if w.code == TOC_WARNING]


def test_toc_styled_entries_are_dropped(tmp_path):
    b = DocxBuilder()
    b.style("toc 1", base="Normal")
    b.style("目录 2", base="Normal")
    b.paragraph("一、总体要求\t1", style="toc 1")
    b.paragraph("（一）指导思想\t1", style="目录 2")
    b.paragraph("一、总体要求")
    path = b.save(tmp_path / "toc.docx")
    assert texts(read_docx(path, path.read_bytes()).blocks) == ["一、总体要求"]
    assert toc_warning(path) == ["dropped 2 table-of-contents entries (not plan text)"]


def test_toc_content_control_is_dropped(tmp_path):
    b = DocxBuilder().xml(
        "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/><w:docPartUnique/>"
        "</w:docPartObj></w:sdtPr><w:sdtContent>"
        "<w:p>" + run("目录") + "</w:p>"
        "<w:p>" + run("一、总体要求") + "<w:r><w:tab/></w:r>" + run("2") + "</w:p>"
        "<w:p>" + run("二、主要任务") + "<w:r><w:tab/></w:r>" + run("3") + "</w:p>"
        "</w:sdtContent></w:sdt>"
        "<w:p>" + run("一、总体要求") + "</w:p>")
    path = b.save(tmp_path / "toc.docx")
    blocks = read_docx(path, path.read_bytes()).blocks
    assert [(x.text, x.locator) for x in blocks] == [("一、总体要求", "body/p[4]")]
    assert toc_warning(path) == ["dropped 3 table-of-contents entries (not plan text)"]


def test_toc_field_entries_are_dropped(tmp_path):
    toc_begin = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    entry = (
        "<w:p>{begin}" + field("HYPERLINK \\l _Toc1001", "{text}") + "<w:r><w:tab/></w:r>"
        + field("PAGEREF _Toc1001 \\h", "{page}") + "</w:p>")
    b = DocxBuilder().xml(
        entry.format(begin=toc_begin, text="一、总体要求", page="1")
        + entry.format(begin="", text="二、主要任务", page="2")
        + '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        + '<w:p><w:hyperlink w:anchor="_Toc1002">' + run("三、保障措施") + "<w:r><w:tab/></w:r>"
        + run("4") + "</w:hyperlink></w:p>"
        + "<w:p>" + run("一、总体要求") + "</w:p>"
        # Body text may link to a heading's _Toc bookmark too; without a page number it stays.
        + "<w:p>" + run("具体要求详见") + '<w:hyperlink w:anchor="_Toc1002">' + run("保障措施")
        + "</w:hyperlink>" + run("部分。") + "</w:p>")
    path = b.save(tmp_path / "toc.docx")
    blocks = read_docx(path, path.read_bytes()).blocks
    assert texts(blocks) == ["一、总体要求", "具体要求详见保障措施部分。"]
    assert blocks[0].locator == "body/p[5]"
    assert toc_warning(path) == ["dropped 3 table-of-contents entries (not plan text)"]


def test_no_toc_no_warning(tmp_path):
    b = DocxBuilder()
    b.paragraph("正文")
    assert toc_warning(b.save(tmp_path / "plain.docx")) == []


# ---------------------------------------------------------------------------------------
# Unsafe and broken files

def with_member(docx_bytes: bytes, name: str, size: int) -> bytes:
    """`docx_bytes` plus a member of `size` zero bytes, written in 1 MiB steps (cheap to build)."""
    out = io.BytesIO(docx_bytes)
    with (
        zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open(name, "w", force_zip64=True) as member,
    ):
        chunk = bytes(1 << 20)
        for _ in range(size >> 20):
            member.write(chunk)
    return out.getvalue()


def plain_docx() -> bytes:
    b = DocxBuilder()
    b.paragraph("一、总体要求")
    return b.to_bytes()


def test_zip_bomb_total_size(tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(with_member(plain_docx(), "word/media/image1.png", 300 << 20))
    assert path.stat().st_size < 2 << 20
    with pytest.raises(UnsafeFileError) as caught:
        read_docx(path, path.read_bytes())
    assert caught.value.path == str(path) and "zip bomb" in caught.value.cause
    with pytest.raises(UnsafeFileError):
        read(path)


def test_zip_bomb_compression_ratio(tmp_path):
    path = tmp_path / "ratio.docx"
    path.write_bytes(with_member(plain_docx(), "word/media/image1.png", 64 << 20))
    with pytest.raises(UnsafeFileError, match="times its packed size"):
        read_docx(path, path.read_bytes())


def test_entity_bomb_is_refused(tmp_path):
    lol = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<!DOCTYPE w:document [{lol}]>"
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    path = tmp_path / "entities.docx"
    path.write_bytes(rewrite_zip(plain_docx(), {"word/document.xml": document}))
    with pytest.raises(UnsafeFileError, match="DTD") as caught:
        read_docx(path, path.read_bytes())
    assert "word/document.xml" in caught.value.cause
    with pytest.raises(UnsafeFileError):
        read(path)


def test_utf16_part_with_a_dtd_is_refused(tmp_path):
    styles = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><w:styles/>'
    path = tmp_path / "utf16.docx"
    path.write_bytes(rewrite_zip(plain_docx(), {"word/styles.xml": styles.encode("utf-16")}))
    with pytest.raises(UnsafeFileError, match="word/styles.xml"):
        read_docx(path, path.read_bytes())


def test_document_without_text_is_empty(tmp_path):
    document = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'
    path = tmp_path / "empty.docx"
    path.write_bytes(rewrite_zip(plain_docx(), {"word/document.xml": document}))
    assert read_docx(path, path.read_bytes()).blocks == []
    with pytest.raises(EmptyFileError):
        read(path)


def test_truncated_docx_is_corrupt(tmp_path):
    data = plain_docx()
    path = tmp_path / "truncated.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptFileError) as caught:
        read_docx(path, path.read_bytes())
    assert caught.value.path == str(path)
    with pytest.raises(CorruptFileError):
        read(path)


def test_broken_xml_is_corrupt(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(rewrite_zip(plain_docx(), {"word/document.xml": b"<w:document><w:body><w:p>"}))
    with pytest.raises(CorruptFileError, match="not a readable Word document"):
        read_docx(path, path.read_bytes())


def test_damaged_member_is_corrupt(tmp_path):
    data = bytearray(plain_docx())
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start:start + info.compress_size] = bytes(info.compress_size)
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptFileError, match="word/document.xml"):
        read_docx(path, path.read_bytes())


def _edit_member(data: bytes, name: str, edits: tuple[tuple[bytes, bytes], ...]) -> bytes:
    content = zipfile.ZipFile(io.BytesIO(data)).read(name)
    for old, new in edits:
        assert old in content, f"{old!r} not in {name}"
        content = content.replace(old, new, 1)
    return rewrite_zip(data, {name: content})


STYLES_REL = b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
# Well-formed package XML that python-docx follows without checking, or whose main part is no
# w:document: each used to escape as a raw AttributeError, TypeError or ValueError.
BROKEN_PACKAGES = {
    "relationship-without-target": ("_rels/.rels", ((b' Target="word/document.xml"', b""),)),
    "content-types-wrong-root": ("[Content_Types].xml", ((b"<Types ", b"<Typez "), (b"</Types>", b"</Typez>"))),
    "relationships-wrong-root": ("_rels/.rels", ((b"<Relationships ", b"<Relationshipz "),
                                                 (b"</Relationships>", b"</Relationshipz>"))),
    "default-without-extension": ("[Content_Types].xml", ((b' Extension="xml"', b""),)),
    "main-part-not-a-document": ("word/document.xml", ((b"<w:document ", b"<w:body "),
                                                       (b"</w:document>", b"</w:body>"))),
    "two-styles-parts": ("word/_rels/document.xml.rels",
                         ((STYLES_REL, STYLES_REL + b'<Relationship Id="rId99" ' + STYLES_REL),)),
}


@pytest.mark.parametrize("case", sorted(BROKEN_PACKAGES))
def test_broken_package_xml_is_corrupt(tmp_path, case):
    name, edits = BROKEN_PACKAGES[case]
    path = tmp_path / f"{case}.docx"
    path.write_bytes(_edit_member(plain_docx(), name, edits))
    with pytest.raises(CorruptFileError, match="not a readable Word document") as caught:
        read_docx(path, path.read_bytes())
    assert caught.value.path == str(path)


@pytest.mark.parametrize("damage", [
    {"word/settings.xml": b"<w:settings"},          # broken XML in a part the reader never uses
    {"word/styles.xml": None},                      # a related part missing from the archive
    {"docProps/core.xml": None},
])
def test_damage_outside_the_parts_read_leaves_the_text_readable(tmp_path, damage):
    data = plain_docx()
    archive = zipfile.ZipFile(io.BytesIO(data))
    members = {name: archive.read(name) for name in archive.namelist()}
    for name, content in damage.items():
        if content is None:
            del members[name]
        else:
            members[name] = content
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for name, content in members.items():
            out.writestr(name, content)
    path = tmp_path / "damaged.docx"
    path.write_bytes(buffer.getvalue())
    assert texts(read_docx(path, path.read_bytes()).blocks) == ["一、总体要求"]


def test_main_part_of_another_content_type_is_corrupt(tmp_path):
    path = tmp_path / "template.docx"
    path.write_bytes(_edit_member(plain_docx(), "[Content_Types].xml", (
        (b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml"),)))
    with pytest.raises(CorruptFileError, match="not a Word document"):
        read_docx(path, path.read_bytes())


def test_a_zip_version_zipfile_lacks_is_corrupt(tmp_path):
    data = bytearray(plain_docx())
    entry = bytes(data).index(b"PK\x01\x02")
    # The central directory's "version needed to extract": 8.4, which no zip tool knows.
    data[entry + 6:entry + 8] = (84).to_bytes(2, "little")
    path = tmp_path / "version.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptFileError, match="zip file version") as caught:
        read(path)
    assert caught.value.path == str(path)
    with pytest.raises(CorruptFileError, match="zip file version"):
        read_docx(path, path.read_bytes())


def test_central_directory_offset_past_its_place_is_corrupt(tmp_path):
    data = bytearray(plain_docx())
    end_record = bytes(data).rindex(b"PK\x05\x06")
    # zipfile takes the gap between where the central directory claims to start and where it
    # is as a prefix before the archive, and moves every member's header back by it: the first
    # member's header then lies before the start of the file (ValueError: negative seek value).
    claimed = int.from_bytes(data[end_record + 16:end_record + 20], "little") + 1000
    data[end_record + 16:end_record + 20] = claimed.to_bytes(4, "little")
    path = tmp_path / "offset.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptFileError, match="cannot be unpacked") as caught:
        read_docx(path, path.read_bytes())
    assert caught.value.path == str(path)


# ---------------------------------------------------------------------------------------
# Real documents

def test_plan_047_auto_numbering(tmp_path):
    path = corpus_file("plan_047.docx")
    out = read_docx(path, path.read_bytes())
    by_text = {b.text.strip(): b for b in out.blocks}
    # 阶段主任务 items exist only as decimal `%1、` auto-numbering.
    assert "1、成立项目组：" in by_text
    assert "2、前期调研：" in by_text
    assert "3、编制《软件需求说明书》《软件系统设计书》。" in by_text
    # The phases after the typed （一） are chineseCounting `（%1）` starting at 2.
    assert by_text["（二）需求调研确认阶段"].label == "（二）"
    for phase in ("（三）软件功能实现确认阶段", "（四）数据标准化初装阶段", "（五）系统安装测试及试运行阶段"):
        assert phase in by_text
    # numId 0 paragraphs stay unnumbered, typed numbers stay as typed.
    assert "（一）项目启动阶段" in by_text and by_text["（一）项目启动阶段"].label is None
    assert "系统安装测试及试运行阶段" in by_text
    assert "（六）总体验收阶段" in by_text
    # Its own list (chineseCounting `%1．` from 3) gives the closing section its number.
    assert "三．系统验收" in by_text
    order = [b.text.strip() for b in out.blocks]
    assert order.index("（一）项目启动阶段") < order.index("1、成立项目组：") < order.index("（二）需求调研确认阶段")
    # The TOC (a content control with HYPERLINK/PAGEREF fields) is gone, and no field code leaks.
    assert [w.code for w in out.warnings] == [TOC_WARNING]
    assert order.count("一、软件项目实施方案概述") == 1
    assert not any("HYPERLINK" in t or "PAGEREF" in t or "_Toc" in t for t in order)
    assert any(b.kind == "table_row" and b.cells[0] == "检查项目" for b in out.blocks)


@pytest.mark.parametrize("name", ["plan_024.docx", "plan_051.docx"])
def test_other_corpus_docx_files_read(name):
    path = corpus_file(name)
    doc = read(path)
    assert doc.format == "docx"
    assert len(doc.blocks) > 10


def test_plan_051_repeats_vertically_merged_cells():
    path = corpus_file("plan_051.docx")
    rows = [b for b in read(path).blocks if b.kind == "table_row"]
    english = [r for r in rows if r.cells and r.cells[0].startswith("050201")]
    assert len(english) >= 4
    assert all(r.cells[1] == "广东外语外贸大学" for r in english)


# ---------------------------------------------------------------------------------------
# The sample corpus file

def load_sample_builder():
    spec = importlib.util.spec_from_file_location("make_sample_docx", REPO / "tools" / "make_sample_docx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sample_document_labels_and_table():
    doc = read(SAMPLE)
    blocks = list(doc.blocks)
    headings = [(b.text, b.heading_level) for b in blocks if b.kind == "heading"]
    assert headings[:4] == [("一、总体要求", 1), ("二、整治重点", 1), ("（一）校园周边治安秩序", 2),
                            ("（二）校园食品安全", 2)]
    assert ("五、工作要求", 1) in headings
    assert ("附件：校园安全专项整治责任分工表", 1) in headings
    attachment = next(b for b in blocks if b.text.startswith("附件"))
    assert attachment.label is None and attachment.style == "Heading 1"
    items = [b.text for b in blocks if b.label and b.label[0].isdigit() and b.kind == "paragraph"]
    assert items[0].startswith("1、全面排查") and items[1].startswith("2、落实上下学")
    assert items[-1].startswith("3、严格督查问责")
    assert any("2024年3月31日前" in b.text for b in blocks)
    assert any(b.text.startswith("组\u3000长：") for b in blocks)
    rows = [b.cells for b in blocks if b.kind == "table_row"]
    assert rows[0] == ("序号", "工作任务", "牵头单位", "配合单位", "完成时限")
    assert len(rows) >= 6
    assert [r[0] for r in rows[1:]] == [str(n) for n in range(1, len(rows))]
    assert rows[1][2] == rows[2][2] == "区公安分局"
    document_xml = zipfile.ZipFile(SAMPLE).read("word/document.xml").decode()
    assert "vMerge" in document_xml
    # No run of the document starts with a list number: the labels are Word's alone.
    assert not any(f">{label}" in document_xml for label in ("一、", "（一）", "1、"))


def test_sample_document_is_what_the_script_builds(tmp_path):
    built = tmp_path / "sample.docx"
    built.write_bytes(load_sample_builder().build())
    assert read(built).blocks == read(SAMPLE).blocks
