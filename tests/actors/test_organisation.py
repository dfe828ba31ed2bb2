"""Organisation statements on real plans: relations join the actors they name."""
from __future__ import annotations

from pathlib import Path

import pytest

import planparse
import planparse.actors

CORPORA = Path(__file__).resolve().parents[2] / "corpora"


@pytest.mark.parametrize("path", sorted(p for p in CORPORA.iterdir() if p.is_file()), ids=lambda p: p.name)
def test_relations_join_actors_of_the_right_kind(path):
    for plan in planparse.parse(path).plans:
        kind = {a.id: a.kind for a in plan.actors}
        for r in plan.relations:
            if r.type == "member_of":
                assert kind[r.target] in ("group", "office"), (plan.title, r)
            elif r.type == "part_of":
                assert kind[r.source] in ("group", "office"), (plan.title, r)
            elif r.type == "located_in":
                assert kind[r.source] == "office", (plan.title, r)


def test_an_office_set_up_under_a_group_keeps_the_bare_name_the_plan_uses():
    text = ("二十大期间维护社会稳定工作方案\n三、组织领导\n成立二十大期间维护社会稳定工作领导小组，负责统一指挥。"
            "组长：XXX 副组长：XX 成员：各科、室负责人。领导小组下设办公室，办公室设在区法律援助中心，负责情况汇总。")
    plan = planparse.parse_text(text).plans[0]
    name = {a.id: a for a in plan.actors}
    rel = {(r.type, name[r.source].name, name[r.target].name, r.role) for r in plan.relations}
    group = "二十大期间维护社会稳定工作领导小组"
    office = group + "办公室"
    assert ("member_of", "XXX", group, "组长") in rel
    assert ("part_of", office, group, None) in rel
    assert ("located_in", office, "区法律援助中心", None) in rel
    assert "办公室" in next(a for a in plan.actors if a.name == office).aliases


def test_a_role_named_as_another_is_one_actor():
    text = "（一）加强领导。一把手作为安全稳定工作的第一责任人，主管领导为直接责任人，都要切实承担责任。"
    actors, _ = planparse.actors.find_actors(text, (0, len(text)), issuer=None, id_prefix="p1.")
    names = [{a.name, *a.aliases} for a in actors]
    assert {"一把手", "第一责任人"} in names
    assert {"主管领导", "直接责任人"} in names


def test_a_generic_role_stays_apart_from_a_specific_one():
    text = "各科室要落实监控单位和监控责任人，落实包案领导和责任人。"
    actors, _ = planparse.actors.find_actors(text, (0, len(text)), issuer=None, id_prefix="p1.")
    assert not [a for a in actors if a.name == "监控责任人" and "责任人" in a.aliases]


def test_a_body_the_plan_tells_others_to_set_up_is_not_its_own():
    text = ("一、组织领导\n成立消防安全保卫工作领导小组，负责统一指挥。各县区要成立消防安全委员会，"
            "各有关部门也要成立相应的专项行动领导小组，全力排查整治隐患。")
    actors, _ = planparse.actors.find_actors(text, (0, len(text)), issuer=None, id_prefix="p1.")
    names = {a.name for a in actors}
    assert "消防安全保卫工作领导小组" in names and "各县区" in names
    assert not names & {"消防安全委员会", "专项行动领导小组"}


def test_names_that_only_say_the_body_is_the_issuers_own_are_one_actor():
    text = "学院安全维稳部门要加强巡查，校园安全维稳部门负责门卫管理，安全维稳部门每日向学院安全维稳处报告。"
    actors, _ = planparse.actors.find_actors(text, (0, len(text)), issuer="某某学院", id_prefix="p1.")
    same = [a for a in actors if a.name.endswith("安全维稳部门")]
    assert len(same) == 1
    assert {"学院安全维稳部门", "校园安全维稳部门", "安全维稳部门"} <= {same[0].name, *same[0].aliases}
