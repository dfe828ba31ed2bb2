import argparse
import json

import pytest

from planparse.compare.cli import add_subcommands

from .conftest import EXTRA_SECTION, plan_text


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    ap = argparse.ArgumentParser(prog="planparse")
    add_subcommands(ap.add_subparsers(dest="command", required=True))
    args = ap.parse_args(argv)
    status = args.run(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_compare_prints_text_json_and_html(tmp_path, capsys) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(plan_text(extra=EXTRA_SECTION), encoding="utf-8")
    b.write_text(plan_text(promoter="县公安局"), encoding="utf-8")
    status, out, _ = _run(capsys, "compare", str(a), str(b))
    assert status == 0 and out.startswith("--- A") and "similarity" in out
    status, out, _ = _run(capsys, "compare", str(a), str(b), "--format", "json")
    assert 0 < json.loads(out)["similarity"] < 1
    status, out, _ = _run(capsys, "compare", str(a), str(b), "--format", "html")
    assert out.startswith("<!DOCTYPE html>") and "<mark" in out


def test_compare_names_a_missing_file_and_exits_2(tmp_path, capsys) -> None:
    status, _, err = _run(capsys, "compare", str(tmp_path / "none.txt"), str(tmp_path / "none.txt"))
    assert status == 2 and "none.txt" in err


def test_families_lists_families_with_skeleton(tmp_path, capsys) -> None:
    for name, county in (("a.txt", "甲县"), ("b.txt", "乙县")):
        (tmp_path / name).write_text(plan_text(county), encoding="utf-8")
    status, out, _ = _run(capsys, "families", str(tmp_path), "--jobs", "1", "--matrix")
    assert status == 0 and "near-duplicate" in out and "skeleton:" in out
    status, out, _ = _run(capsys, "families", str(tmp_path), "--jobs", "1", "--format", "json")
    data = json.loads(out)
    assert sorted(data["plans"]) == ["a.txt", "b.txt"] and data["families"]


def test_families_shows_the_seed_000_template_family(capsys) -> None:
    from tests.conftest import CORPORA

    if not (CORPORA / "000_0122bd16021b5f2c.txt").exists():
        pytest.skip("the seed compilation is not in corpora/")
    status, out, _ = _run(capsys, "families", str(CORPORA), "--jobs", "1")
    assert status == 0 and "1 families" in out
    assert "(template, 5 plans" in out and "title words: 二十大" in out
    skeleton = out.split("skeleton:\n")[1].split("\n  000_")[0]
    assert [line.split()[0] for line in skeleton.splitlines()][:4] == ["指导思想", "组织领导", "工作任务", "工作要求"]
    assert "    ~ 工作任务  →  整改措施" in out
