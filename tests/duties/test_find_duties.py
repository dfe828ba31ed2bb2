"""Duties found in small hand-made plans: who, what, by when, and the links they state."""
from __future__ import annotations

from planparse import parse_text
from planparse.duties import find_duties
from planparse.model import Section, TimeExpression

from .helpers import actors_named, run


def _by_action(text: str, names: list[str], sections: tuple[Section, ...] = ()) -> dict[str, list[tuple[str, str]]]:
    duties, _, by_id = run(text, names, sections)
    return {d.action: [(by_id[a.actor], a.role) for a in d.assignees] for d in duties}


def test_each_directing_comma_clause_is_a_duty_and_verbs_joined_by_dun_stay_one():
    got = _by_action("班主任要密切关注学生动态，制定并落实班级实施办法、应急预案。", ["班主任"])
    assert list(got) == ["密切关注学生动态", "制定并落实班级实施办法、应急预案"]
    assert all(v == [("班主任", "responsible")] for v in got.values())


def test_a_clause_without_subject_takes_the_nearest_doer_before_it_in_its_paragraph():
    got = _by_action("加强巡查，值班人员要坚守岗位，做好记录。\n及时报告。", ["值班人员"])
    assert got == {"加强巡查": [], "坚守岗位": [("值班人员", "responsible")],
                   "做好记录": [("值班人员", "responsible")], "及时报告": []}


def test_a_body_given_a_part_does_its_sentence_up_to_the_next_semicolon():
    got = _by_action("学校要加强管理。发挥团支部的宣传作用，加大宣传力度，开展主题活动。完善制度。", ["学校", "团支部"])
    assert got["发挥团支部的宣传作用"] == [("团支部", "responsible")]
    assert got["加大宣传力度"] == got["开展主题活动"] == [("团支部", "responsible")]
    # The sentence over, the paragraph's doer is back.
    assert got["完善制度"] == [("学校", "responsible")]
    got = _by_action("学校要加强管理。发挥家长委员会和学生会的作用，畅通沟通渠道；建立台账。",
                     ["学校", "家长委员会", "学生会"])
    assert got["畅通沟通渠道"] == [("家长委员会", "responsible"), ("学生会", "responsible")]
    assert got["建立台账"] == [("学校", "responsible")]


def test_a_doer_that_makes_use_of_a_body_keeps_the_clause():
    got = _by_action("学校要充分发挥学生会的作用，开展活动。", ["学校", "学生会"])
    assert got["开展活动"] == [("学校", "responsible")]


def test_a_part_without_的_gives_nothing():
    got = _by_action("学校要加强管理。发挥团支部作用，开展活动。", ["学校", "团支部"])
    assert got["开展活动"] == [("学校", "responsible")]


def test_told_side_does_the_act_and_the_guided_side_is_only_an_audience():
    got = _by_action("学校办公室要求各班主任做好登记，引导学生文明出行。", ["学校办公室", "各班主任", "学生"])
    assert got["做好登记"] == [("各班主任", "responsible")]
    assert got["引导学生文明出行"] == [("各班主任", "responsible")]


def test_prohibitions_keep_the_forbidden_act_and_modality_must_not():
    duties, _, _ = run("值班人员不得擅离岗位，严禁饮酒。", ["值班人员"])
    assert [(d.action, d.modality) for d in duties] == [("擅离岗位", "must_not"), ("饮酒", "must_not")]


def test_permissions_framing_and_set_phrases_are_not_duties():
    text = "紧紧围绕中心工作，全力以赴，各学校可根据实际调整课时，要加强值守。"
    assert list(_by_action(text, ["各学校"])) == ["加强值守"]


def test_a_topic_clause_is_the_front_of_the_next_action():
    got = _by_action("对排查出的隐患，责任单位要逐一整改。", ["责任单位"])
    assert got == {"对排查出的隐患，逐一整改": [("责任单位", "responsible")]}


def test_a_body_set_up_is_the_doer_of_what_it_goes_on_to_do():
    got = _by_action("成立安全工作领导小组，负责统筹协调全校安全工作。", ["安全工作领导小组"])
    assert got == {"负责统筹协调全校安全工作": [("安全工作领导小组", "responsible")]}


def test_lead_and_support_from_a_clause_that_only_gives_a_part():
    duties, relations, by_id = run("由教务处牵头，德育处配合，组织开展安全教育周活动。", ["教务处", "德育处"])
    assert [(by_id[a.actor], a.role) for a in duties[0].assignees] == [("教务处", "lead"), ("德育处", "support")]
    assert [(r.type, by_id[r.source], by_id[r.target]) for r in relations] == [("leads", "教务处", "德育处")]


def test_responsibility_note_with_a_lead_convention_holds_for_the_notes_after_it():
    text = ("构建德育体系，健全育人机制。（责任单位：教育厅，省委宣传部、团省委。逗号前为牵头单位，下同）\n"
            "加强劳动教育。（责任单位：财政厅，教育厅）\n")
    got = _by_action(text, ["教育厅", "省委宣传部", "团省委", "财政厅"])
    assert got["构建德育体系"] == [("教育厅", "lead"), ("省委宣传部", "support"), ("团省委", "support")]
    assert got["加强劳动教育"] == [("财政厅", "lead"), ("教育厅", "support")]


def test_labelled_note_with_lead_and_support_parts():
    got = _by_action("完善监测网络。（牵头单位：市发改委；配合单位：市财政局、市教育局）", ["市发改委", "市财政局", "市教育局"])
    assert got == {"完善监测网络": [("市发改委", "lead"), ("市财政局", "support"), ("市教育局", "support")]}


def test_a_bracketed_name_after_a_task_names_its_owner():
    got = _by_action("开展消防演练（安全办），组织主题班会（德育处）。", ["安全办", "德育处"])
    assert got == {"开展消防演练": [("安全办", "responsible")], "组织主题班会": [("德育处", "responsible")]}


def test_an_owner_line_after_its_tasks():
    text = "1.开展消防演练，排查消防隐患。\n责任部门：保卫处\n2.组织主题班会。\n责任部门：德育处、团委\n"
    got = _by_action(text, ["保卫处", "德育处", "团委"])
    assert got == {"开展消防演练": [("保卫处", "responsible")], "排查消防隐患": [("保卫处", "responsible")],
                   "组织主题班会": [("德育处", "responsible"), ("团委", "responsible")]}


def test_an_owner_note_before_its_tasks_holds_for_what_follows():
    got = _by_action("（牵头单位：市卫健委；配合单位：市医保局）\n加强基层医疗机构建设，提升服务能力。\n",
                     ["市卫健委", "市医保局"])
    assert got == {"加强基层医疗机构建设": [("市卫健委", "lead"), ("市医保局", "support")],
                   "提升服务能力": [("市卫健委", "lead"), ("市医保局", "support")]}


def test_a_lead_in_gives_its_doer_to_the_items_it_introduces():
    doc = parse_text("某校安全工作实施方案\n一、工作措施\n各科室要重点做好以下工作：\n1.开展安全检查。\n2.建立隐患台账。\n")
    plan = doc.plans[0]
    names = {a.id: a.name for a in plan.actors}
    got = {d.action: [names[a.actor] for a in d.assignees] for d in plan.duties}
    assert got == {"重点做好以下工作": ["各科室"], "开展安全检查": ["各科室"], "建立隐患台账": ["各科室"]}


def test_a_time_at_the_front_of_a_sentence_bounds_its_clauses_up_to_the_next_semicolon():
    doc = parse_text("某校工作方案\n一、任务\n9月1日前，各科室要完成自查，上报结果；各班级做好总结。\n")
    plan = doc.plans[0]
    times = {t.id: t.text for t in plan.times}
    got = {d.action: times.get(d.deadline) for d in plan.duties}
    assert got == {"完成自查": "9月1日前", "上报结果": "9月1日前", "做好总结": None}


def test_a_reporting_chain_gives_one_link_per_clause_with_its_time():
    text = "各系部每日中午11时向学生处报告，学生处每日下午1:30向党政办报告，党政办每日下午2:00以前向市教工委报告。"
    times = []
    for n, when in enumerate(("每日中午11时", "每日下午1:30", "每日下午2:00以前"), 1):
        start = text.index(when)
        times.append(TimeExpression(f"t.t{n}", when, (start, start + len(when)), "SET", "XXXX-XX-XXT11:00",
                                    mod="BEFORE" if "以前" in when else None, role="frequency"))
    actors = actors_named(text, ["各系部", "学生处", "党政办", "市教工委"])
    names = {a.id: a.name for a in actors}
    duties, relations = find_duties(text, (0, len(text)), sections=(), actors=actors, times=times, id_prefix="t.")
    links = [(names[r.source], names[r.target], r.when) for r in relations if r.type == "reports_to"]
    assert links == [("各系部", "学生处", "t.t1"), ("学生处", "党政办", "t.t2"), ("党政办", "市教工委", "t.t3")]
    assert [d.deadline for d in duties] == ["t.t1", "t.t2", "t.t3"]


def test_oversight_of_a_named_actor():
    _, relations, by_id = run("督导组要对各学校进行督查。", ["督导组", "各学校"])
    assert [(r.type, by_id[r.source], by_id[r.target]) for r in relations] == [("supervises", "督导组", "各学校")]


def test_orphan_duties_are_kept():
    duties, _, _ = run("要加强校园巡查，及时消除隐患。", [])
    assert [d.action for d in duties] == ["加强校园巡查", "及时消除隐患"]
    assert all(not d.assignees for d in duties)


def test_every_duty_keeps_its_span_and_section():
    text = "一、措施\n班主任要密切关注学生动态。"
    section = Section("t.s1", None, 1, "一、", 1, "措施", (0, len(text)), "cn", (0, 4))
    duties, _, _ = run(text, ["班主任"], (section,))
    assert [(text[slice(*d.span)], d.section) for d in duties] == [("班主任要密切关注学生动态", "t.s1")]


def test_a_counted_within_bounds_an_act_and_a_vague_one_does_not():
    doc = parse_text("某市传染病防控工作方案\n一、主要措施\n各医疗机构要在发现病例后2小时内网络直报。"
                     "能在短期内解决的问题要马上解决。\n")
    plan = doc.plans[0]
    times = {t.id: t.text for t in plan.times}
    got = {d.action: times.get(d.deadline) for d in plan.duties}
    assert got == {"在发现病例后网络直报": "2小时内", "能在短期内解决的问题马上解决": None}
