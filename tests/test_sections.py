from __future__ import annotations

import pytest

from planparse import parse_text
from planparse.labels import match_label, schemes

SCHEME_EXAMPLES = [(s.id, e) for s in schemes() for e in s.examples]
SCHEME_COUNTERS = [(s.id, e) for s in schemes() for e in s.counter_examples]


@pytest.mark.parametrize("scheme,line", SCHEME_EXAMPLES)
def test_scheme_examples_give_a_label(scheme, line):
    lab = match_label(line)
    assert lab is not None, line
    assert lab.scheme.startswith(scheme.split("_top")[0].rstrip("0123456789")) or scheme.startswith("outline")


@pytest.mark.parametrize("scheme,line", SCHEME_COUNTERS)
def test_scheme_counter_examples_do_not_open_that_scheme(scheme, line):
    lab = match_label(line)
    assert lab is None or lab.scheme != scheme, line


def _tree(text: str):
    doc = parse_text(text)
    assert doc.plans, "no plan found"
    return [(s.level, s.label, s.title) for s in doc.plans[0].sections]


def test_gbt_order():
    text = ("某某学校安全工作实施方案\n一、指导思想\n坚持安全第一。\n二、工作措施\n（一）加强领导。各科室要高度重视。\n"
            "1.成立领导小组\n（1）组长负责全面工作\n（2）副组长协助组长\n2.明确责任\n（二）强化宣传\n三、工作要求\n")
    assert _tree(text) == [
        (1, "一、", "指导思想"), (1, "二、", "工作措施"), (2, "（一）", "加强领导"),
        (3, "1.", "成立领导小组"), (4, "（1）", "组长负责全面工作"), (4, "（2）", "副组长协助组长"),
        (3, "2.", "明确责任"), (2, "（二）", "强化宣传"), (1, "三、", "工作要求")]


def test_mixed_top_level_keeps_one_sequence():
    text = ("国庆期间安全稳定工作实施方案\n1、指导思想\n认真落实。\n2、重点工作\n（一）深入摸排\n1.加大整改力度\n2.依法处理\n"
            "（二）全力解决信访问题\n三、时间步骤\n（一）调查摸底阶段\n四、保障措施\n")
    levels = [(lvl, label) for lvl, label, _ in _tree(text)]
    assert levels == [(1, "1、"), (1, "2、"), (2, "（一）"), (3, "1."), (3, "2."), (2, "（二）"), (1, "三、"),
                      (2, "（一）"), (1, "四、")]


def test_counter_running_on_across_top_sections():
    text = ("某某发展实施方案\n一、总体要求\n（一）指导思想\n（二）发展目标\n二、重点任务\n（三）坚持全面发展\n（四）坚持公平优质\n"
            "三、保障措施\n（五）加强党的领导\n")
    tree = _tree(text)
    assert [(lvl, label) for lvl, label, _ in tree] == [
        (1, "一、"), (2, "（一）"), (2, "（二）"), (1, "二、"), (2, "（三）"), (2, "（四）"), (1, "三、"), (2, "（五）")]
    doc = parse_text(text)
    by_label = {s.label: s for s in doc.plans[0].sections}
    assert by_label["（三）"].parent == by_label["二、"].id


def test_run_in_heading_title_stops_at_first_full_stop():
    tree = _tree("某某工作方案\n一、工作要求\n（二）明确责任。各科室要落实责任：专人负责。\n")
    assert tree[1] == (2, "（二）", "明确责任")


def test_colon_heading_with_content():
    tree = _tree("某某活动方案\n一、活动主题：安全第一\n二、时间：X月X日—X月X日\n")
    assert [t for _, _, t in tree] == ["活动主题", "时间"]


def test_enumerations_inside_a_paragraph_are_not_sections():
    text = ("某某工作方案\n一、工作措施\n要做到三个坚持：一是坚持标准，二是坚持质量，三是坚持安全。"
            "具体为1.加强领导，2.落实责任。\n二、工作要求\n")
    assert [label for _, label, _ in _tree(text)] == ["一、", "二、"]


def test_dates_amounts_and_counts_are_not_sections():
    text = ("某某工作方案\n一、工作安排\n2022年10月1日前完成。\n1.5万元用于宣传。\n12 月份开展检查。\n二、工作要求\n")
    assert [label for _, label, _ in _tree(text)] == ["一、", "二、"]


def test_broken_numbering_is_kept_and_warned():
    doc = parse_text("某某工作方案\n一、指导思想\n二、工作目标\n四、工作要求\n")
    plan = doc.plans[0]
    assert [(s.level, s.label) for s in plan.sections] == [(1, "一、"), (1, "二、"), (1, "四、")]
    skips = [w for w in doc.warnings if w.code == "numbering-skip"]
    assert len(skips) == 1 and "expected number 3" in skips[0].message


def test_decimal_outline():
    text = "某某突发事件应急预案\n1 总则\n1.1 编制目的\n1.2 编制依据\n2 组织体系\n2.1 领导机构\n2.1.1 应急指挥部\n3 监测预警\n"
    assert [(lvl, label) for lvl, label, _ in _tree(text)] == [
        (1, "1"), (2, "1.1"), (2, "1.2"), (1, "2"), (2, "2.1"), (3, "2.1.1"), (1, "3")]


def test_chapters_and_articles():
    text = "某某实施方案\n第一章 总则\n第一条 为了规范管理。\n第二条 本方案适用于全校。\n第二章 职责\n第三条 领导小组负责。\n"
    assert [(lvl, label) for lvl, label, _ in _tree(text)] == [
        (1, "第一章"), (2, "第一条"), (2, "第二条"), (1, "第二章"), (2, "第三条")]


def test_unnumbered_caption_of_a_list_stands_with_its_items():
    text = ("某某系统实施方案\n一、实施步骤\n（一）项目启动阶段\n此阶段由三个步骤组成，工作量较大。\n阶段主任务\n1、成立项目组\n"
            "2、前期调研\n（二）需求调研阶段\n")
    assert _tree(text) == [(1, "一、", "实施步骤"), (2, "（一）", "项目启动阶段"), (3, None, "阶段主任务"),
                           (3, "1、", "成立项目组"), (3, "2、", "前期调研"), (2, "（二）", "需求调研阶段")]


def test_unnumbered_run_in_sibling():
    text = ("某某实施方案\n四、保障措施\n（一）加强领导。各科室要高度重视。\n（二）严格奖惩。对工作不力的要通报。\n"
            "加强信息反馈。建立定期报告制度，各部室及时上报进展情况。\n")
    assert _tree(text)[-1] == (2, None, "加强信息反馈")


def test_glued_text_without_line_breaks():
    text = ("某某学校维稳安全工作实施方案为了做好学校安全稳定工作，特制定如下实施方案：一、理清思路明确任务学校的主要任务是确保稳定。"
            "二、健全组织加强领导成立领导小组。三、措施具体落实到位1、各部门必须切实传达会议精神。2、召开班主任专项工作会议，"
            "要求班主任密切关注学生动态，配齐二、三级单位兼职安全员。四、统筹协作齐抓共管" + "各部门要加强协作。" * 60)
    labels = [(lvl, label) for lvl, label, _ in _tree(text)]
    assert labels == [(1, "一、"), (1, "二、"), (1, "三、"), (2, "1、"), (2, "2、"), (1, "四、")]


def test_spans_cover_heading_and_body():
    doc = parse_text("某某工作方案\n一、指导思想\n坚持安全第一。\n二、工作目标\n确保稳定。\n")
    s1, s2 = doc.plans[0].sections
    assert doc.text[s1.span[0]:s1.span[1]].startswith("一、指导思想\n坚持安全第一。")
    assert s1.span[1] == s2.span[0]
    assert doc.text[s2.heading_span[0]:s2.heading_span[1]] == "二、工作目标"


def test_captions_ending_in_a_colon_head_their_lists():
    text = ("某某中心工作计划\n一、常规工作\n1．及时维修计算机。\n日常工作：\n九月份：\n1、做好开学准备；\n2、采集新生信息。\n"
            "十月份：\n1、试运行办公软件。\n2、改造实验室。\n")
    assert _tree(text) == [(1, "一、", "常规工作"), (2, "1．", "及时维修计算机"), (3, None, "九月份"),
                           (3, "1、", "做好开学准备"), (3, "2、", "采集新生信息"), (3, None, "十月份"),
                           (3, "1、", "试运行办公软件"), (3, "2、", "改造实验室")]


def test_member_lists_and_signatures_are_not_captions():
    text = ("某某宣传年活动方案\n一、组织保障\n特成立领导小组：\n组长：江某某（县人社局局长）\n副组长：高某某（县人社局副局长）\n"
            "李某某（县就业局局长）\n各乡镇人社服务中心负责人\n领导小组办公室设在县就业局，负责宣传活动的组织和协调工作。\n"
            "二、工作要求\n要高度重视。\n道真县人力资源网\n2015年4月9日\n")
    assert [label for _, label, _ in _tree(text)] == ["一、", "二、"]


def test_a_lead_in_sentence_is_not_a_caption():
    text = "某某系统实施方案\n一、实施步骤\n4、组织测试及试运行：\n跟踪检查如下情况：\n（1）跟踪新资料登录环节。\n（2）观察业务流程。\n"
    assert [label for _, label, _ in _tree(text)] == ["一、", "4、", "（1）", "（2）"]


def test_parallel_unnumbered_heading_in_glued_text():
    body = "各单位要认真排查本系统的矛盾纠纷和各类隐患，确保矛盾纠纷在内部消化解决，做到早发现、早报告、早处置。" * 6
    text = ("某某司法局维稳工作方案为做好维稳工作，特制定本方案。一、工作重点（一）全力做好本系统各类案件的排查工作。" + body +
            "全力开展矛盾纠纷排查化解工作。" + body + "1.要深入矛盾纠纷多的地方。2.要坚持提前介入。（二）全力做好社区矫正工作。" + body)
    assert [(lvl, label, title) for lvl, label, title in _tree(text)] == [
        (1, "一、", "工作重点"), (2, "（一）", "全力做好本系统各类案件的排查工作"), (2, None, "全力开展矛盾纠纷排查化解工作"),
        (3, "1.", "要深入矛盾纠纷多的地方"), (3, "2.", "要坚持提前介入"), (2, "（二）", "全力做好社区矫正工作")]


def test_attachments_are_not_sections_of_the_plan():
    text = ("某某审核工作方案\n一、审核对象\n二、注意事项\n（一）各单位要按时完成。\n附件：1.审核时间安排表\n2.初审责任书\n附件1\n"
            "审核时间安排表\n一、报名时间\n二、审核地点\n")
    doc = parse_text(text)
    plan = doc.plans[0]
    assert [s.label for s in plan.sections] == ["一、", "二、", "（一）"]
    assert plan.sections[1].span[1] == doc.text.index("附件：1.")
