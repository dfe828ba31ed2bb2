"""`planparse check` and `planparse rules`: output, exit status, options and pyproject configuration."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from planparse.cli import main

from .test_rules import PLANTED, RULE_IDS


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / "plans" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(PLANTED / name, target)
    return target


def test_clean_plan_exits_0_and_prints_nothing(capsys):
    assert main(["check", str(PLANTED / "clean.txt")]) == 0
    assert capsys.readouterr().out == ""


def test_error_finding_exits_1_with_path_line_col(capsys):
    path = PLANTED / "placeholder.txt"
    assert main(["check", str(path)]) == 1
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith(f"{path}:10:9: placeholder ")
    assert ": placeholder " in line and line.endswith("[error]")


def test_warnings_only_exit_0(capsys):
    assert main(["check", str(PLANTED / "orphan-duty.txt")]) == 0
    assert "orphan-duty" in capsys.readouterr().out


def test_unreadable_file_exits_2_and_the_others_go_on(tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    assert main(["check", str(missing), str(PLANTED / "orphan-duty.txt")]) == 2
    out, err = capsys.readouterr()
    assert str(missing) in err and "orphan-duty" in out


def test_select_and_ignore(capsys):
    path = str(PLANTED / "phase-order.txt")
    main(["check", path, "--select", "phase-order"])
    assert {ln.split()[1] for ln in capsys.readouterr().out.splitlines()} == {"phase-order"}
    assert main(["check", path, "--ignore", "phase-order,deadline-after-end"]) == 0
    assert capsys.readouterr().out == ""


def test_unknown_rule_is_bad_input(capsys):
    assert main(["check", str(PLANTED / "clean.txt"), "--select", "no-such-rule"]) == 2
    assert "no-such-rule" in capsys.readouterr().err


def test_json_findings_validate(capsys, finding_validator):
    assert main(["check", str(PLANTED / "phase-order.txt"), "--format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["path"].endswith("phase-order.txt")
    assert {f["rule"] for f in doc["findings"]} == {"phase-order", "deadline-after-end"}
    for finding in doc["findings"]:
        assert not list(finding_validator.iter_errors(finding))


def test_pyproject_above_the_file_configures_the_rules(tmp_path, capsys):
    path = _copy(tmp_path, "placeholder.txt")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.planparse]\nignore = ["phase-gap"]\n\n[tool.planparse.severity]\nplaceholder = "info"\n',
        encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().out.rstrip().endswith("[info]")
    (tmp_path / "pyproject.toml").write_text('[tool.planparse]\nselect = ["phase-gap"]\n', encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().out == ""


def test_the_command_line_select_overrides_the_file(tmp_path, capsys):
    path = _copy(tmp_path, "placeholder.txt")
    (tmp_path / "pyproject.toml").write_text('[tool.planparse]\nselect = ["phase-gap"]\n', encoding="utf-8")
    assert main(["check", str(path), "--select", "placeholder"]) == 1
    capsys.readouterr()


@pytest.mark.parametrize("content", ['[tool.planparse]\nselect = ["nope"]\n', "[tool.planparse\n",
                                     '[tool.planparse.severity]\nplaceholder = "fatal"\n'])
def test_bad_pyproject_is_bad_input(tmp_path, capsys, content):
    path = _copy(tmp_path, "clean.txt")
    (tmp_path / "pyproject.toml").write_text(content, encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert "pyproject.toml" in capsys.readouterr().err


def test_rules_lists_every_rule(capsys):
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [ln.split()[0] for ln in lines] == RULE_IDS
    assert all(ln.split()[1] in ("error", "warning", "info") for ln in lines)
