from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests on a fixed sequence of examples so that a run is repeatable;
# locally every run draws new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = ROOT / "corpora"


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    folder = SHARED / "corpus"
    if not folder.is_dir():
        pytest.skip("../shared/corpus is not beside the repository")
    return folder


@pytest.fixture(scope="session")
def plan_schema() -> dict:
    import json

    path = SHARED / "schema" / "plan.schema.json"
    if not path.is_file():
        pytest.skip("../shared/schema/plan.schema.json is not beside the repository")
    return json.loads(path.read_text(encoding="utf-8"))
