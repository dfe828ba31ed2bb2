from __future__ import annotations

import json
from importlib import resources

import pytest

from planparse.normalize import normalise
from planparse.read.blocks import Block
from planparse.read.txt import line_blocks

EXAMPLES = json.loads(resources.files("planparse.data").joinpath("normalize.json").read_text("utf-8"))["examples"]


def _norm(text: str, rejoin: bool = True):
    return normalise(line_blocks(text), rejoin_wraps=rejoin)


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["raw"][:12] for e in EXAMPLES])
def test_data_examples(example):
    assert _norm(example["raw"]).text == example["normalised"]


def test_offsets_lead_back_to_the_source():
    raw = "一、组织领导\n  成立领导小组,组长:XXX。\n二、工作要求"
    n = _norm(raw)
    i = n.text.index("组长")
    _, locator, src = n.offsets.to_source(i)
    assert locator == "line 2"
    assert raw[src:src + 2] == "组长"


PAGE_CHUNKED = (
    "《某某实施方案》由会员分享，可在线阅读。\n"
    "1、某某学校安全工作实施方案为了切实做好学校安全稳定工作，确保学校的平安与稳定，特制定如下实施方案。"
    "一、理清思路明确任务。学校安全工作的主要任务是确保学校正常工作和教学秩序，确保学校安全稳定。三、措\n"
    "2、施具体落实到位。各部门必须切实传达贯彻学校会议精神，做好教职工政治思想工作，保证其政治思想稳定，"
    "保证其正常教学或工作，保证对学生的正面引导和正确教育。召开班主任专项工作会议，要求班主任密切关注学生\n"
    "3、动态，制定班级具体实施办法，严格请销假制度，对无故迟到、旷课、早退的学生，及时掌握其行踪，做好和家长的"
    "沟通联系。尤其对请假外出的学生，班主任要严格把关。加强学生的思想教育工作，通过学生集体教育大课开展讲\n"
    "4、座，并要求学生积极写出听后感。"
)


def test_page_chunk_numbers_are_removed_and_cut_words_joined():
    n = _norm(PAGE_CHUNKED)
    assert "三、措施具体落实到位" in n.text
    assert "关注学生动态" in n.text and "开展讲座" in n.text
    assert "2、" not in n.text and "\n1、" not in n.text
    chunks = [c for c in n.corrections if c.code == "page-chunk-number"]
    assert len(chunks) == 4
    for c in chunks:
        assert 0 <= c.span[0] <= c.span[1] <= len(n.text)


def test_real_numbered_lines_are_not_page_chunks():
    text = "三、工作措施\n1、各部门要加强领导。\n2、各学校要落实责任。\n3、各单位要及时报告。\n"
    assert _norm(text).text.splitlines()[1] == "1、各部门要加强领导。"


def test_ocr_full_stop_is_listed_with_its_span():
    n = _norm("成员：XXX、XXXo领导小组下设办公室")
    assert n.text == "成员：XXX、XXX。领导小组下设办公室"
    [fix] = [c for c in n.corrections if c.code == "ocr-full-stop"]
    assert n.text[fix.span[0]:fix.span[1]] == "。"


def test_latin_o_in_words_is_kept():
    assert _norm("使用Office软件办公").text == "使用Office软件办公"


def test_hard_wrapped_lines_are_rejoined():
    para = "各部门要切实加强组织领导，明确工作责任，细化工作措施，确保各项任务按时完成，并及时向领导小组办公室报告进展情况。"
    wrapped = "\n".join(para[i:i + 20] for i in range(0, len(para), 20))
    text = "\n".join([wrapped] * 4)
    n = _norm(text)
    assert n.text.count(para) == 4
    assert any(c.code == "hard-wrap-joined" for c in n.corrections)


def test_short_lines_are_not_joined():
    text = "一、指导思想\n坚持以人为本。\n二、工作目标\n确保安全稳定。\n三、组织领导\n成立领导小组。\n四、工作要求\n加强领导。\n"
    assert _norm(text).text.count("\n") >= 7


def test_paragraph_formats_are_not_rejoined():
    blocks = [Block("paragraph", "各部门要切实加强组织领导明确工作责任细化工作", "p1"),
              Block("paragraph", "措施确保各项任务按时完成", "p2")] * 6
    assert normalise(blocks, rejoin_wraps=False).text.count("\n") == 11


def test_every_change_is_listed_with_its_span():
    from planparse import parse_text

    doc = parse_text("某某工作方案\n一、组织领导:成立领导小组,组长:XXXo\n")
    folds = [c for c in doc.changes if c.code == "width-folded"]
    assert [doc.text[a:b] for a, b in (c.span for c in folds)] == ["：", "，", "："]
    assert any(w.code == "width-folded" and "3" in w.message for w in doc.warnings)
    assert [doc.text[w.span[0]:w.span[1]] for w in doc.warnings if w.code == "ocr-full-stop"] == ["。"]


def test_table_cells_stay_apart_as_one_tab():
    row = Block("table_row", "1\t校舍安全鉴定 \t 区住房和城乡建设局\t\t区教育局", "tr[1]", cells=("1", "校舍安全鉴定", "区住房和城乡建设局", "", "区教育局"))
    out = normalise([row], rejoin_wraps=False)
    assert out.text == "1\t校舍安全鉴定\t区住房和城乡建设局\t区教育局"


def test_lone_tabs_and_spaces_are_left_alone():
    out = normalise([Block("table_row", "1\t校舍 安全\t区教育局", "tr[1]")], rejoin_wraps=False)
    assert out.text == "1\t校舍安全\t区教育局"
    assert [(c.code, c.span) for c in out.changes] == [("space-folded", (4, 4))]


def test_spaces_at_line_ends_are_removed_and_others_folded():
    blocks = [Block("paragraph", "  一、 任务  ", "p1"), Block("paragraph", "\u3000\u3000二、工作\u3000 安排\t", "p2"),
              Block("paragraph", "a \xa0b\u2003c", "p3")]
    out = normalise(blocks, rejoin_wraps=False)
    assert out.text == "一、任务\n二、工作\u3000 安排\na b c"
    assert sum(c.code == "indent-removed" for c in out.changes) == 4


def test_identity_offsets_are_fresh_copies_of_any_length():
    from planparse.normalize import _KEPT_IDENTITY, identity_offsets

    first = identity_offsets(3)
    first[0] = 9
    assert list(identity_offsets(3)) == [0, 1, 2]
    assert list(identity_offsets(0)) == []
    longer = identity_offsets(_KEPT_IDENTITY + 2)
    assert len(longer) == _KEPT_IDENTITY + 2 and longer[-1] == _KEPT_IDENTITY + 1
