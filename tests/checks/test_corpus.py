"""Every rule runs over every plan of the shared corpus and seeds without raising."""
from __future__ import annotations

import pytest

from planparse import PlanParseError, parse

from ..conftest import SHARED


def _files() -> list:
    folders = [SHARED / "corpus", SHARED / "seeds"]
    return sorted(p for f in folders if f.is_dir() for p in f.iterdir()
                  if p.is_file() and p.suffix not in (".tsv", ".md") or p.suffix == ".md" and p.name.startswith("plan_"))


@pytest.mark.parametrize("path", _files() or [None], ids=lambda p: f"{p.parent.name}/{p.name}" if p else "none")
def test_rules_run_over_the_corpus(path, shared_corpus):
    if path is None:
        pytest.skip("no corpus files")
    try:
        doc = parse(path)
    except PlanParseError:
        return
    for finding in doc.check():
        assert finding.message
        assert finding.span is None or 0 <= finding.span[0] <= finding.span[1] <= len(doc.text)
