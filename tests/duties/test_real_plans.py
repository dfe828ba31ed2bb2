"""Duties on real plans: the dev gold in ../shared scores the finder, and every duty is well formed."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

import planparse

from ..conftest import SHARED

GOLD = SHARED / "gold" / "dev"


def _inputs() -> list[Path]:
    if not GOLD.is_dir():
        return []
    found = []
    for gold in sorted(GOLD.glob("*.gold.json")):
        name = gold.name[: -len(".gold.json")]
        for folder in (SHARED / "seeds", SHARED / "corpus"):
            if (folder / name).is_file():
                found.append(folder / name)
    return found


@pytest.fixture(scope="module")
def scorer():
    path = SHARED / "eval" / "score.py"
    if not path.is_file():
        pytest.skip("../shared/eval/score.py is not beside the repository")
    spec = importlib.util.spec_from_file_location("plan_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_duties_and_deadlines_score_on_the_dev_gold(scorer, tmp_path: Path):
    inputs = _inputs()
    if not inputs:
        pytest.skip("no dev gold with its inputs in ../shared")
    for src in inputs:
        doc = planparse.parse(src)
        (tmp_path / f"{src.name}.json").write_text(json.dumps(doc.to_dict(), ensure_ascii=False), encoding="utf-8")
    tally = scorer.score_dirs(GOLD, tmp_path)
    assert tally.row("duties")["f1"] >= 0.70
    assert tally.row("duty_deadlines")["f1"] >= 0.70


def test_a_reporting_chain_in_a_seed_plan():
    path = SHARED / "seeds" / "000_0122bd16021b5f2c.txt"
    if not path.is_file():
        pytest.skip("../shared/seeds is not beside the repository")
    doc = planparse.parse(path)
    links = set()
    for plan in doc.plans:
        names = {a.id: a.name for a in plan.actors}
        times = {t.id: t.text for t in plan.times}
        links |= {(names[r.source], names[r.target], times.get(r.when)) for r in plan.relations
                  if r.type == "reports_to"}
    assert ("学院安全维稳处", "市教工委", "每日下午2:00以前") in links


def test_every_duty_is_inside_its_plan_and_section(shared_corpus: Path):
    for path in sorted(p for p in shared_corpus.iterdir() if p.suffix not in (".tsv", ".md")):
        try:
            doc = planparse.parse(path)
        except planparse.PlanParseError:
            continue
        for plan in doc.plans:
            sections = {s.id: s for s in plan.sections}
            times = {t.id for t in plan.times}
            actors = {a.id for a in plan.actors}
            for d in plan.duties:
                assert plan.span[0] <= d.span[0] < d.span[1] <= plan.span[1], (path.name, d)
                assert d.section is None or sections[d.section].span[0] <= d.span[0] < sections[d.section].span[1]
                assert d.deadline is None or d.deadline in times
                assert all(a.actor in actors for a in d.assignees) and d.action
            for r in plan.relations:
                assert r.source in actors and r.target in actors and r.source != r.target
