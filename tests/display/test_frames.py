"""Plan collections as Items: tables with stable columns, HTML in Jupyter, and unchanged tuple behaviour."""
from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pandas as pd
import pytest

import planparse
from planparse.display.frames import COLUMNS
from planparse.display.html import corpus_html
from planparse.display.items import Items
from planparse.model import COLLECTIONS, Document, Plan

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
XSS = "<script>alert(1)</script>工作方案"
PLAN = (f"{XSS}\n一、总体要求\n（一）加强领导。区应急局负责统筹，区水务局配合，2024年3月31日前完成排查。\n"
        "二、工作安排\n1.各单位要在X月底前上报<b>名单</b>。\n")


@pytest.fixture(scope="module")
def flood() -> Document:
    return planparse.parse(CORPORA / "sample_flood_plan_gbk.txt")


@pytest.fixture(scope="module")
def table_doc() -> Document:
    return planparse.parse(CORPORA / "sample_responsibility_table.docx")


def test_every_collection_is_items_with_its_columns(table_doc):
    plan = table_doc.plans[0]
    for kind in (*COLLECTIONS, "findings"):
        items = plan.check(text=table_doc.text) if kind == "findings" else getattr(plan, kind)
        assert isinstance(items, Items) and isinstance(items, tuple) and items.kind == kind
        frame = items.to_frame()
        assert isinstance(frame, pd.DataFrame)
        assert list(frame.columns) == list(COLUMNS[kind])
        assert len(frame) == len(items)


def test_an_empty_collection_has_every_column():
    plan = Plan("p1", None, None, (0, 0))
    for kind in COLLECTIONS:
        frame = getattr(plan, kind).to_frame()
        assert frame.empty and list(frame.columns) == list(COLUMNS[kind])


def test_ids_are_resolved_to_names(table_doc):
    plan = table_doc.plans[0]
    actors = {a.id: a.name for a in plan.actors}
    times = {t.id: t.text for t in plan.times}
    duties = plan.duties.to_frame().set_index("id")
    duty = next(d for d in plan.duties if d.assignees and d.deadline)
    row = duties.loc[duty.id]
    assert row["assignees"] == list(dict.fromkeys(actors[a.actor] for a in duty.assignees))
    assert row["deadline_text"] == times[duty.deadline]
    assert row["orphan"] is False or row["orphan"] == False  # noqa: E712 - numpy bool
    assert row["span_start"] == duty.span[0]
    for role in ("lead", "support"):
        assert row[role] == [actors[a.actor] for a in duty.assignees if a.role == role]
    relations = plan.relations.to_frame()
    assert list(relations["source_name"]) == [actors[r.source] for r in plan.relations]
    sections = plan.sections.to_frame()
    child = sections.dropna(subset=["parent"]).iloc[0]
    parent = next(s for s in plan.sections if s.id == child["parent"])
    assert parent.title in child["parent_title"]
    assert plan.actors.to_frame()["duties"].sum() >= sum(1 for d in plan.duties if d.assignees)


def test_items_keep_equality_hashing_pickling_and_json(flood):
    plan = flood.plans[0]
    plain = Plan(**{f.name: tuple(getattr(plan, f.name)) if f.name in COLLECTIONS else getattr(plan, f.name)
                    for f in dataclasses.fields(Plan)})
    assert plain == plan and hash(plain) == hash(plan)
    assert plan.sections == tuple(plan.sections) and hash(plan.sections) == hash(tuple(plan.sections))
    again = pickle.loads(pickle.dumps(plan))
    assert again == plan and isinstance(again.duties, Items) and again.duties.kind == "duties"
    assert again.duties.to_frame().equals(plan.duties.to_frame())
    assert repr(plan.actors) == repr(tuple(plan.actors))
    assert plan.to_dict() == plain.to_dict()
    assert isinstance(dataclasses.replace(plan, title="x").actors, Items)


def test_findings_stay_list_like(flood):
    findings = flood.check()
    assert isinstance(findings, Items) and findings == list(findings)
    assert planparse.parse_text("某某工作方案\n一、总体要求\n").check() == []
    assert findings.to_frame()["rule"].tolist() == [f.rule for f in findings]


def test_from_dict_gives_back_the_same_json(table_doc):
    data = table_doc.to_dict()
    assert Document.from_dict(data).to_dict() == data


def test_html_escapes_every_plan_text():
    doc = planparse.parse_text(PLAN)
    for html in (doc._repr_html_(), doc.plans[0]._repr_html_(), doc.plans[0].duties._repr_html_()):
        assert "<script>" not in html and "<b>名单" not in html and "&lt;b&gt;名单" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in doc._repr_html_()
    assert "总体要求" in doc.plans[0]._repr_html_()


def test_plan_html_shows_tree_counts_and_findings(flood):
    html = flood.plans[0]._repr_html_()
    assert "<ul>" in html and "职责分工" in html and "Findings" in html
    assert f"{len(flood.plans[0].duties)} duties" in html


def test_corpus_html(tmp_path):
    (tmp_path / "a.txt").write_text(PLAN, encoding="utf-8")
    html = corpus_html(planparse.Corpus(tmp_path, jobs=1))
    assert "Corpus of 1 plans" in html and "&lt;script&gt;" in html and "<script>" not in html
