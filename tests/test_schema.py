"""Every file of the sample corpora parses to JSON valid against the planparse/1 schema."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from planparse import PlanParseError, parse

from .conftest import CORPORA, SHARED


def _validator(schema):
    jsonschema = pytest.importorskip("jsonschema")
    return jsonschema.Draft202012Validator(schema)


def _check(doc_dict: dict, validator) -> None:
    errors = sorted(validator.iter_errors(doc_dict), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    n = len(doc_dict["text"])
    for plan in doc_dict["plans"]:
        a, b = plan["span"]
        assert 0 <= a <= b <= n
        ids = {s["id"] for s in plan["sections"]}
        for s in plan["sections"]:
            assert a <= s["span"][0] <= s["span"][1] <= b
            assert s["parent"] is None or s["parent"] in ids
    for w in doc_dict["warnings"]:
        if "span" in w:
            assert 0 <= w["span"][0] <= w["span"][1] <= n


def _inputs():
    files = sorted(p for p in CORPORA.iterdir() if p.is_file())
    for folder in (SHARED / "seeds", SHARED / "corpus"):
        if folder.is_dir():
            files += sorted(p for p in folder.iterdir() if p.is_file() and p.suffix not in (".tsv", ".md") or
                            p.suffix == ".md" and p.name.startswith("plan_"))
    return files


@pytest.mark.parametrize("path", _inputs(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_output_is_schema_valid(path, plan_schema):
    try:
        doc = parse(path)
    except PlanParseError as exc:
        # Only the files that cannot be read as plans may fail, and they fail cleanly.
        assert path.name in {"plan_055.pdf", "plan_023.doc"}, exc
        assert path.name in str(exc)
        return
    _check(doc.to_dict(), _validator(plan_schema))


def test_command_json_is_schema_valid(plan_schema):
    path = CORPORA / "004_963223714f0f9578.txt"
    run = subprocess.run([sys.executable, "-m", "planparse.cli", "parse", str(path), "--format", "json"],
                         capture_output=True, text=True, check=True)
    doc = json.loads(run.stdout)
    _check(doc, _validator(plan_schema))
    assert doc["plans"][0]["title"] == "国庆期间安全稳定工作实施方案"


def test_command_tree_is_an_outline():
    path = CORPORA / "004_963223714f0f9578.txt"
    run = subprocess.run([sys.executable, "-m", "planparse.cli", "parse", str(path), "--format", "tree"],
                         capture_output=True, text=True, check=True)
    lines = run.stdout.splitlines()
    assert "《国庆期间安全稳定工作实施方案》" in lines[2]
    assert "  1、 指导思想和工作目标" in lines
    assert "    （一） 深入摸排各类矛盾隐患，努力消除不稳定因素" in lines
