import json

import pytest

import planparse
from planparse.compare import PlanNotFound, compare
from planparse.compare.render_html import render_html
from planparse.compare.render_text import render_text

from .conftest import EXTRA_SECTION, plan_text


def _doc(text: str, name: str = "plan.txt") -> planparse.Document:
    return planparse.parse_text(text, name=name)


def test_a_plan_compared_with_itself_is_the_same_everywhere() -> None:
    doc = _doc(plan_text())
    c = compare(doc, doc)
    assert c.similarity == pytest.approx(1, abs=0.02)
    assert not c.aligned.only_a and not c.aligned.only_b
    assert all(p.a.id == p.b.id and not p.moved for p in c.aligned.pairs)
    assert not c.actors.only_a and not c.duties.only_b
    assert c.graph.distance == 0


def test_what_b_added_left_out_and_reassigned_is_reported() -> None:
    a = _doc(plan_text(extra=EXTRA_SECTION), "a.txt")
    b = _doc(plan_text(promoter="县公安局"), "b.txt")
    c = compare(a, b)
    assert [s.title for s in c.aligned.only_a] == ["做好应急处置"]
    assert not c.aligned.only_b
    assert "县司法局" in [r.text for r in c.actors.only_a]
    [moved] = [m for m in c.duties.matched if "assignees" in m.changes]
    assert "法治进校园" in moved.a.text
    assert moved.changes["assignees"] == (["县司法局(lead)"], ["县公安局(lead)"])
    assert any(e[1] == "actor:司法局" for e in c.graph.only_a)
    assert 0.5 < c.similarity < 1


def test_actors_match_across_levels_and_prefixes() -> None:
    c = compare(_doc(plan_text(bureau="县教育局")), _doc(plan_text(bureau="市教育局")))
    pairs = {(m.a.text, m.b.text) for m in c.actors.matched}
    assert ("县教育局", "市教育局") in pairs
    assert not [e for e in c.graph.only_a if e[0] == "assigned"]


def test_reused_passages_point_at_the_same_words_in_both_texts() -> None:
    c = compare(_doc(plan_text(extra=EXTRA_SECTION)), _doc(plan_text(county="另一县")))
    assert c.reused
    for p in c.reused:
        assert "".join(c.a.text[p.a[0]:p.a[1]].split()) and p.chars >= 16
        if p.identity == 1:
            assert "".join(c.a.text[p.a[0]:p.a[1]].split()) == "".join(c.b.text[p.b[0]:p.b[1]].split())


def test_file_hash_number_picks_one_plan_of_a_compilation(tmp_path) -> None:
    path = tmp_path / "two.txt"
    path.write_text(plan_text() + "\n" + plan_text(county="另一县", extra=EXTRA_SECTION), encoding="utf-8")
    if len(planparse.parse(path).plans) != 2:
        pytest.skip("the splitter does not see two plans here")
    c = compare(f"{path}#1", f"{path}#2")
    assert c.a.name.endswith("#1") and len(c.a.plans) == len(c.b.plans) == 1
    with pytest.raises(PlanNotFound):
        compare(f"{path}#3", path)


def test_the_result_is_json_and_reads_as_a_diff() -> None:
    c = compare(_doc(plan_text(extra=EXTRA_SECTION)), _doc(plan_text(promoter="县公安局")))
    data = json.loads(c.to_json())
    assert set(data) >= {"similarity", "aligned", "reused", "actors", "duties", "times", "relations", "graph"}
    text = render_text(c)
    assert "  -   （四）做好应急处置" in text
    assert "县司法局(lead)  →  县公安局(lead)" in text


def test_html_escapes_every_piece_of_plan_text() -> None:
    hostile = plan_text(county="<script>alert(1)</script>")
    c = compare(_doc(hostile, "<b>a.txt"), _doc(plan_text()))
    page = render_html(c)
    assert "<script>" not in page and "<b>a" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("<mark") == 2 * len(c.reused)


def test_texts_without_a_plan_are_compared_on_their_text_alone() -> None:
    words = "这是一段随便写的文字，没有任何方案结构，也没有编号标题。"
    c = compare(_doc(words * 2), _doc(words))
    assert c.parts["sections"] is None and c.parts["entities"] is None
    assert c.similarity == c.parts["text"] > 0
