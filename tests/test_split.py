from __future__ import annotations

import pytest

from planparse import parse_text
from planparse.split import config, find_plans, issuer_in_title

EXAMPLES = config()["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][:10] for e in EXAMPLES])
def test_data_examples(example):
    plans = find_plans(parse_text(example["text"]).text)
    assert [p.title for p in plans] == example["titles"]
    assert [p.issuer for p in plans] == example["issuers"]


def test_plans_run_to_the_next_title_and_banner_is_in_no_plan():
    text = ("本文档由会员分享，可在线阅读，更多相关文档请搜索。\n某某学校安全工作实施方案\n一、指导思想\n坚持安全第一。\n"
            "某某社区消防安全工作方案\n一、工作目标\n二、工作措施\n")
    doc = parse_text(text)
    a, b = doc.plans
    assert a.span[0] == doc.text.index("某某学校") and a.span[1] == b.span[0]
    assert b.span[1] == len(doc.text)
    assert [s.title for s in b.sections] == ["工作目标", "工作措施"]


def test_a_title_in_the_middle_of_a_line_starts_a_plan():
    glued = ("某某学校维稳安全工作实施方案为了做好学校安全稳定工作，特制定本方案。一、工作任务确保学校稳定。二、工作要求各部门要落实。"
             "教育部门安保工作实施方案为做好安保工作，特制定本方案。一、存在的隐患校园周边环境复杂。二、整改措施加强巡查。" * 3)
    titles = [p.title for p in parse_text(glued).plans]
    assert titles[:2] == ["某某学校维稳安全工作实施方案", "教育部门安保工作实施方案"]


def test_section_naming_a_plan_is_not_a_plan():
    doc = parse_text("某某学院安全维稳工作方案\n一、推进平安校园创建\n二、校园安保维稳专项工作方案\n（一）指导思想\n")
    assert len(doc.plans) == 1
    assert [s.title for s in doc.plans[0].sections][1] == "校园安保维稳专项工作方案"


def test_covering_notice_is_not_a_plan():
    text = ("某某县教育局关于印发《2024年校园安全专项整治工作方案》的通知\n各学校：\n现将《2024年校园安全专项整治工作方案》印发给你们，请认真贯彻执行。\n"
            "一、高度重视\n二、按时报送\n某某县教育局\n2024年3月1日\n2024年校园安全专项整治工作方案\n一、工作目标\n二、工作任务\n三、工作要求\n")
    doc = parse_text(text)
    [plan] = doc.plans
    assert plan.title == "2024年校园安全专项整治工作方案"
    assert plan.issuer == "某某县教育局"
    assert [s.title for s in plan.sections] == ["工作目标", "工作任务", "工作要求"]


def test_untitled_plan_with_plan_structure():
    doc = parse_text("一、指导思想\n坚持安全第一。\n二、工作目标\n确保稳定。\n三、工作措施\n加强领导。\n")
    assert len(doc.plans) == 1 and doc.plans[0].title is None


def test_a_summary_is_not_a_plan():
    doc = parse_text("2023年度安全工作总结\n一、主要做法\n二、存在问题\n三、下一步打算\n")
    assert doc.plans == ()


@pytest.mark.parametrize("title,issuer", [
    ("安图县林业局深化改革创新优化营商环境实施方案", "安图县林业局"),
    ("大学学院二十大安全维稳工作方案", "大学学院"),
    ("2022年二十大期间消防安全保卫工作实施方案", None),
    ("二十大期间学校维稳安全工作实施方案", None),
    ("西小餐系统实施方案", None),
])
def test_issuer_named_at_the_head_of_a_title(title, issuer):
    assert issuer_in_title(title) == issuer


def test_a_title_repeated_inside_its_plan_is_not_a_new_plan():
    text = ("某某中学自主招生方案\n一、招生对象\n二、招生办法\n三、面试安排\n四、录取程序\n五、招生咨询\n某某中学自主招生方案\n"
            "1、学校开通咨询热线。\n六、监督机制\n1、学校接受社会监督。\n")
    doc = parse_text(text)
    assert len(doc.plans) == 1
    assert [s.label for s in doc.plans[0].sections if s.level == 1] == ["一、", "二、", "三、", "四、", "五、", "六、"]


def test_notice_whose_plan_follows_without_its_title():
    text = ("某某县卫生健康局关于印发《2024年基本公共卫生服务项目实施方案》的通知\n各乡镇卫生院：\n现将方案印发给你们，请认真执行。\n"
            "一、项目目标\n二、项目内容\n三、组织实施\n")
    [plan] = parse_text(text).plans
    assert (plan.title, plan.issuer) == ("2024年基本公共卫生服务项目实施方案", "某某县卫生健康局")
    assert [s.title for s in plan.sections] == ["项目目标", "项目内容", "组织实施"]


def test_notice_with_only_a_link_to_its_plan_is_no_plan():
    text = "某某县教育局关于印发《宣讲实施方案》的通知\n各学校：\n现将方案印发给你们，请认真执行。\n附件下载：宣讲实施方案.doc\n"
    assert parse_text(text).plans == ()


def test_notice_issuing_key_points_is_no_plan():
    text = "某某县人社局关于印发《2018年人力资源和社会保障工作要点》的通知\n各股室：\n一、就业工作\n二、社保工作\n三、人才工作\n"
    assert parse_text(text).plans == ()


@pytest.mark.parametrize("line", [
    "为做好有关工作。某某县防汛抗旱应急预案的实施由县应急局负责。某某镇安全生产工作方案如下",
    "某某县关于开展安全生产大检查的工作方案，请认真贯彻落实！各乡镇要制定实施方案？",
    "。。某某局深化改革优化营商环境实施方案",
])
def test_glued_titles_are_tried_at_line_and_sentence_starts(line):
    import re

    from planparse.split import _glued_title, _glued_titles

    anywhere = re.compile(r"(?:(?<=[。！？])|^)" + _glued_title().pattern, re.M)
    assert [m.span(1) for m in _glued_titles(line)] == [m.span(1) for m in anywhere.finditer(line)]
