from __future__ import annotations

from planparse import parse_text
from planparse.nlp import get_nlp, plan_doc

PLAN = "学校安全工作实施方案\n一、组织领导\n成立安全工作领导小组，组长：XXX。领导小组下设办公室（设在学校办公室）。\n二、工作要求\n班主任要密切关注学生动态，每天向领导小组办公室报告。\n"


def test_pipeline_is_built_once_and_finds_actor_names():
    nlp = get_nlp()
    assert get_nlp() is nlp
    doc = nlp("班主任要密切关注学生动态，每天向领导小组办公室报告。")
    assert {s.text for s in doc.spans["actors"]} >= {"班主任", "领导小组办公室"}
    assert "".join(t.text for t in doc) == doc.text


def test_plan_doc_spans_line_up_with_the_plan_offsets():
    document = parse_text(PLAN)
    plan = document.plans[0]
    doc = plan_doc(document, plan)
    offset = doc.user_data["offset"]
    assert doc.spans["actors"]
    for span in doc.spans["actors"]:
        s, e = span.start_char + offset, span.end_char + offset
        assert document.text[s:e] == span.text
        actor = next(a for a in plan.actors if a.id == span.label_)
        assert (s, e) in actor.mentions or any(ms <= s and e <= me + 2 for ms, me in actor.mentions)
