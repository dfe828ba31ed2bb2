"""A batch killed with SIGKILL midway and run again with --resume ends complete, each input once."""
from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from planparse.cli import main

FILES = 400
PLAN = "第{n}号区防汛应急预案\n一、总体要求\n（一）加强领导。第{n}组负责统筹。\n二、工作措施\n1.落实责任。\n"


def _wait_for_outputs(out: Path, count: int, proc: subprocess.Popen, limit: float = 60.0) -> int:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        done = len(list(out.glob("*.json")))
        if done >= count:
            return done
        time.sleep(0.02)
    raise AssertionError(f"the batch made fewer than {count} outputs (exit status {proc.poll()})")


def test_a_killed_batch_resumes_where_it_stopped(tmp_path, plan_schema):
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(plan_schema)
    src = tmp_path / "in"
    src.mkdir()
    for n in range(FILES):
        (src / f"plan_{n:03d}.txt").write_text(PLAN.format(n=n), encoding="utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "planparse.cli", "batch", str(src), "--out", str(out), "--jobs", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        seen = _wait_for_outputs(out, 20, proc)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert not (out / "manifest.csv").exists(), "the batch finished before it was killed"

    assert main(["batch", str(src), "--out", str(out), "--jobs", "2", "--resume"]) == 0

    with (out / "manifest.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert sorted(r["path"] for r in rows) == sorted(str(p) for p in src.iterdir())
    statuses = [r["status"] for r in rows]
    # Each output written before the kill, bar one whose journal line the kill may have cut, is kept.
    assert seen - 1 <= statuses.count("skipped") < FILES
    assert statuses.count("ok") + statuses.count("skipped") == FILES
    outputs = sorted(out.glob("*.json"))
    assert [p.name for p in outputs] == sorted(f"plan_{n:03d}.txt.json" for n in range(FILES))
    for path in outputs:
        doc = json.loads(path.read_text(encoding="utf-8"))
        validator.validate(doc)
        n = int(path.name[5:8])
        assert doc["plans"][0]["title"] == f"第{n}号区防汛应急预案"
    assert not [p for p in out.rglob("*") if p.name.endswith(".planparse-tmp")]
    with (out / "tables" / "plans.csv").open(encoding="utf-8", newline="") as f:
        assert len(list(csv.DictReader(f))) == FILES
