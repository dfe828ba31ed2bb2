"""`--engine dask` gives the same outputs as the local engine, on a small LocalCluster."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from planparse.batch.runner import BatchOptions, run_batch

pytest.importorskip("distributed")

CORPORA = Path(__file__).resolve().parents[1] / "corpora"


def test_dask_engine_matches_local(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(CORPORA, src)
    (src / "empty.txt").write_bytes(b"")
    # Half a minute of parsing: the time limit holds on the cluster too. The limit leaves the real
    # files, which take a fraction of a second, room on a loaded machine.
    (src / "slow.txt").write_text((CORPORA / "004_963223714f0f9578.txt").read_text(encoding="utf-8") * 2000,
                                  encoding="utf-8")
    local = run_batch([src], BatchOptions(out=tmp_path / "local", jobs=2, timeout=5), stream=io.StringIO())
    dask = run_batch([src], BatchOptions(out=tmp_path / "dask", jobs=2, engine="dask", timeout=5),
                     stream=io.StringIO())
    assert [(e.path, e.sha256, e.status, e.error_class) for e in dask.entries] == \
        [(e.path, e.sha256, e.status, e.error_class) for e in local.entries]
    assert {(Path(e.path).name, e.error_class) for e in dask.entries if e.status == "failed"} == {
        ("empty.txt", "EmptyFileError"), ("slow.txt", "ParseTimeoutError")}
    for name in [f"{p.name}.json" for p in CORPORA.iterdir()] + ["tables/plans.csv", "tables/sections.csv"]:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
