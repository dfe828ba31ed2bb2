"""`planparse batch`: discovery, outputs, manifest, tables, graphs, limits and exit status."""
from __future__ import annotations

import csv
import io
import json
import pickle
import shutil
import zipfile
from pathlib import Path

import networkx as nx
import pytest

import planparse
from planparse.batch.discover import discover
from planparse.batch.job import Task
from planparse.batch.pool import Slot
from planparse.batch.runner import BatchOptions, run_batch
from planparse.batch.tables import TableWriter, document_fragment, document_rows
from planparse.cli import main
from planparse.graph import build_graph, graphml_text

from .read.docx_factory import DocxBuilder, rewrite_zip

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
PLAN = "某某区防汛应急预案\n一、总体要求\n（一）加强领导。各单位要落实责任。\n二、工作措施\n1.区应急局负责统筹。\n"


def manifest(out: Path) -> list[dict[str, str]]:
    with (out / "manifest.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def table(out: Path, name: str) -> list[dict[str, str]]:
    with (out / "tables" / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def docx_bytes(*paragraphs: str) -> bytes:
    b = DocxBuilder()
    for text in paragraphs:
        b.paragraph(text)
    return b.to_bytes()


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    """corpora/ plus a file of the same name in a subfolder, run once through the CLI."""
    root = tmp_path_factory.mktemp("inputs")
    shutil.copytree(CORPORA, root / "in")
    (root / "in" / "sub").mkdir()
    (root / "in" / "sub" / "sample_flood_plan_gbk.txt").write_text(PLAN, encoding="utf-8")
    out = root / "out"
    code = main(["batch", str(root / "in"), "--out", str(out), "--jobs", "2"])
    return root / "in", out, code


def test_one_json_per_input_named_after_it(sample_run):
    inputs, out, code = sample_run
    assert code == 0
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    expected = [f"{p.name}.json" for p in CORPORA.iterdir()] + ["sub/sample_flood_plan_gbk.txt.json"]
    assert names == sorted(expected)
    doc = json.loads((out / "sub" / "sample_flood_plan_gbk.txt.json").read_text(encoding="utf-8"))
    assert doc["schema"] == "planparse/1" and doc["plans"][0]["title"] == "某某区防汛应急预案"


def test_outputs_are_schema_valid(sample_run, plan_schema):
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(plan_schema)
    _, out, _ = sample_run
    for path in out.rglob("*.json"):
        validator.validate(json.loads(path.read_text(encoding="utf-8")))


def test_manifest_lists_every_input_once(sample_run):
    inputs, out, _ = sample_run
    rows = manifest(out)
    assert sorted(r["path"] for r in rows) == sorted(str(p) for p in inputs.rglob("*") if p.is_file())
    assert {r["status"] for r in rows} == {"ok"}
    for r in rows:
        assert len(r["sha256"]) == 64 and float(r["seconds"]) >= 0 and (out / r["output"]).is_file()


def test_tables_have_file_and_plan_columns(sample_run):
    _, out, _ = sample_run
    for name in ("plans", "sections", "actors", "times", "duties", "relations", "findings"):
        rows = table(out, name)
        with (out / "tables" / f"{name}.csv").open(encoding="utf-8") as f:
            assert f.readline().startswith("file,plan")
        if name in ("plans", "sections"):
            assert rows and all(r["file"] and r["plan"] for r in rows)
    sections = table(out, "sections")
    assert {"id", "parent", "level", "label", "title", "span"} <= set(sections[0])
    assert json.loads(sections[0]["span"])[0] >= 0
    plans = table(out, "plans")
    assert int(plans[0]["n_sections"]) >= 0 and "sections" not in plans[0]


def test_findings_of_the_gap_checks_fill_their_table(sample_run):
    inputs, out, _ = sample_run
    findings = table(out, "findings")
    doc = json.loads((out / "000_0122bd16021b5f2c.txt.json").read_text(encoding="utf-8"))
    expected = sum(len(plan["findings"]) for plan in doc["plans"])
    seed = [f for f in findings if f["file"].endswith("000_0122bd16021b5f2c.txt")]
    assert expected and len(seed) == expected
    assert {"placeholder"} <= {f["rule"] for f in seed}
    assert {"rule", "severity", "message", "refs"} <= set(findings[0])
    plans = table(out, "plans")
    assert sum(int(p["n_findings"]) for p in plans) == len(findings)


def test_parquet_tables_match_csv(sample_run):
    pq = pytest.importorskip("pyarrow.parquet")
    _, out, _ = sample_run
    sections = pq.read_table(out / "tables" / "sections.parquet")
    assert sections.num_rows == len(table(out, "sections"))
    assert str(sections.schema.field("level").type) == "int64"
    assert pq.read_table(out / "tables" / "findings.parquet").column_names[:2] == ["file", "plan"]


def test_a_graphml_per_plan(sample_run):
    _, out, _ = sample_run
    plans = table(out, "plans")
    graphs = sorted((out / "graphs").rglob("*.graphml"))
    assert len(graphs) == len(plans)
    graph = nx.read_graphml(graphs[0])
    assert graph.is_directed() and graph.graph["plan"] == "p1"


def test_graph_builder_keeps_actors_and_relations():
    plan = {"id": "p1", "title": "T",
            "actors": [{"id": "p1.a1", "name": "领导小组", "kind": "group", "aliases": ["小组"],
                        "mentions": [[0, 4]]},
                       {"id": "p1.a2", "name": "应急局", "kind": "office", "aliases": []}],
            "relations": [{"type": "member_of", "source": "p1.a2", "target": "p1.a1", "role": "成员",
                           "when": None},
                          {"type": "reports_to", "source": "p1.a2", "target": "p1.a1", "role": None}]}
    graph = nx.read_graphml(io.StringIO(graphml_text(build_graph(plan))), force_multigraph=True)
    assert graph.nodes["p1.a1"]["name"] == "领导小组" and json.loads(graph.nodes["p1.a1"]["aliases"]) == ["小组"]
    links = {(d["type"], d.get("role")) for _, _, d in graph.edges(data=True)}
    assert links == {("member_of", "成员"), ("reports_to", None)}


def test_table_columns_come_from_the_items():
    doc = {"plans": [{"id": "p1", "title": "T", "span": [0, 9], "sections": [],
                      "findings": [{"rule": "no-deadline", "severity": "warning", "message": "m",
                                    "refs": ["p1.d1"], "new_field": 3}]}]}
    rows = list(document_rows("a.txt", doc))
    assert ("findings", {"file": "a.txt", "plan": "p1", "rule": "no-deadline", "severity": "warning",
                         "message": "m", "refs": '["p1.d1"]', "new_field": 3}) in rows
    assert ("plans", {"file": "a.txt", "plan": "p1", "title": "T", "span": "[0, 9]", "n_sections": 0,
                      "n_findings": 1}) in rows


def test_documents_with_different_columns_share_one_table(tmp_path):
    """A document whose items lack a field, or carry one more, still lands under the right columns."""
    with_span = {"plans": [{"id": "p1", "title": "A", "relations": [
        {"type": "reports_to", "source": "a1", "target": "a2", "role": None, "when": "每日", "span": [3, 9]}]}]}
    without = {"plans": [{"id": "p1", "title": "多行\n标题, \"引号\"", "relations": [
        {"type": "leads", "source": "a3", "target": "a4", "role": None, "when": None, "extra": True}]}]}
    writer = TableWriter(tmp_path / "tables", tmp_path / "scratch")
    writer.add_fragment(document_fragment("b.txt", without))
    writer.add_document("a.txt", with_span)
    writer.finish()
    relations = table(tmp_path, "relations")
    assert list(relations[0]) == ["file", "plan", "type", "source", "target", "role", "when", "extra", "span"]
    assert relations[0] == {"file": "b.txt", "plan": "p1", "type": "leads", "source": "a3", "target": "a4",
                            "role": "", "when": "", "extra": "true", "span": ""}
    assert relations[1]["span"] == "[3, 9]" and relations[1]["extra"] == "" and relations[1]["when"] == "每日"
    assert [r["title"] for r in table(tmp_path, "plans")] == ["多行\n标题, \"引号\"", "A"]
    pq = pytest.importorskip("pyarrow.parquet")
    parquet = pq.read_table(tmp_path / "tables" / "relations.parquet").to_pylist()
    assert parquet[0]["extra"] is True and parquet[1]["extra"] is None and parquet[1]["span"] == "[3, 9]"


def test_a_fragment_of_another_format_is_refused(tmp_path):
    writer = TableWriter(tmp_path / "tables", tmp_path / "scratch")
    assert not writer.add_fragment('{"plans": {"file": ["str"]}}\nplans\t[["file", "a.txt"]]\n')
    assert not writer.add_fragment("not json\n")


def test_discovery_by_extension_and_by_content(tmp_path):
    (tmp_path / "a.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "word.dat").write_bytes(docx_bytes("一、总体要求"))
    (tmp_path / "page").write_bytes(b"<!DOCTYPE html><html><body><p>x</p></body></html>")
    (tmp_path / "notes.dat").write_text("not a plan format", encoding="utf-8")
    (tmp_path / "other.zip").write_bytes(rewrite_zip(docx_bytes("x"), {}).replace(b"word/document.xml",
                                                                                  b"word/documenX.xml"))
    (tmp_path / ".hidden.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "old.txt").write_text(PLAN, encoding="utf-8")
    found = discover([tmp_path], exclude=tmp_path / "out")
    assert [i.key for i in found] == ["a.txt", "page", "word.dat"]


def test_same_name_from_two_folders_does_not_collide(tmp_path):
    for name in ("x", "y"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "plan.txt").write_text(PLAN + name, encoding="utf-8")
    keys = [i.key for i in discover([tmp_path / "x", tmp_path / "y", tmp_path / "x" / "plan.txt"])]
    assert len(keys) == 2 and len(set(keys)) == 2 and all(k.endswith("/plan.txt") for k in keys)


def test_bad_inputs_fail_in_the_manifest_and_exit_1(tmp_path, capsys):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "good.txt").write_text(PLAN, encoding="utf-8")
    (bad / "empty.txt").write_bytes(b"")
    (bad / "broken.docx").write_bytes(docx_bytes("一、总体要求")[:500])
    bomb = io.BytesIO(docx_bytes("一、总体要求"))
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("word/media/image1.png", "w", force_zip64=True) as member:
        for _ in range(300):
            member.write(bytes(1 << 20))
    (bad / "bomb.docx").write_bytes(bomb.getvalue())
    lol = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    document = (f'<?xml version="1.0"?><!DOCTYPE w:document [{lol}]><w:document '
                'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>").encode()
    (bad / "entities.docx").write_bytes(rewrite_zip(docx_bytes("x"), {"word/document.xml": document}))
    (bad / "big.txt").write_text(PLAN * 40, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out"
    code = main(["batch", str(bad), str(missing), "--out", str(out), "--jobs", "2", "--max-chars", "1000"])
    assert code == 1
    rows = {Path(r["path"]).name: r for r in manifest(out)}
    assert {n: (r["status"], r["error_class"]) for n, r in rows.items()} == {
        "good.txt": ("ok", ""), "empty.txt": ("failed", "EmptyFileError"),
        "broken.docx": ("failed", "CorruptFileError"), "bomb.docx": ("failed", "UnsafeFileError"),
        "entities.docx": ("failed", "UnsafeFileError"), "big.txt": ("failed", "TooLargeError"),
        "missing.txt": ("failed", "FileMissingError")}
    assert "zip bomb" in rows["bomb.docx"]["message"] and "DTD" in rows["entities.docx"]["message"]
    assert "over the limit of 1000" in rows["big.txt"]["message"]
    assert sorted(p.name for p in out.glob("*.json")) == ["good.txt.json"]
    err = capsys.readouterr().err
    assert "planparse batch: 7 inputs, 1 ok, 6 failed, 0 skipped," in err.splitlines()[-1]
    assert "failed" in err and "bomb.docx: UnsafeFileError" in err


def test_a_file_over_the_time_limit_fails_and_the_rest_go_on(tmp_path):
    # Over a million characters of real plan text: seconds of parsing, far over the limit.
    text = (CORPORA / "004_963223714f0f9578.txt").read_text(encoding="utf-8")
    (tmp_path / "slow.txt").write_text(text * 400, encoding="utf-8")
    (tmp_path / "quick.txt").write_text(PLAN, encoding="utf-8")
    report = run_batch([tmp_path / "slow.txt", tmp_path / "quick.txt"],
                       BatchOptions(out=tmp_path / "out", jobs=1, timeout=0.3), stream=io.StringIO())
    by_name = {Path(e.path).name: e for e in report.entries}
    assert by_name["slow.txt"].status == "failed" and by_name["slow.txt"].error_class == "ParseTimeoutError"
    assert by_name["quick.txt"].status == "ok"
    assert report.seconds < 30


def test_a_worker_that_dies_is_reported_and_replaced(tmp_path):
    text = (CORPORA / "004_963223714f0f9578.txt").read_text(encoding="utf-8")
    (tmp_path / "slow.txt").write_text(text * 120, encoding="utf-8")
    slot = Slot()
    try:
        slot.wait_ready()
        slot.submit(Task("slow.txt", str(tmp_path / "slow.txt")))
        slot.process.kill()
        result = slot.receive()
        assert result.status == "failed" and result.error_class == "WorkerCrashedError"
        assert slot.run(Task("plan.txt", str(CORPORA / "sample_flood_plan_gbk.txt")), 60).status == "ok"
    finally:
        slot.close()


def test_resume_skips_what_is_done_and_redoes_what_changed(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"p{i}.txt").write_text(PLAN + str(i), encoding="utf-8")
    out = tmp_path / "out"
    options = BatchOptions(out=out, jobs=1, resume=True)
    assert {e.status for e in run_batch([src], options, stream=io.StringIO()).entries} == {"ok"}
    (src / "p1.txt").write_text(PLAN + "changed", encoding="utf-8")
    (out / "p2.txt.json").unlink()
    report = run_batch([src], options, stream=io.StringIO())
    assert [e.status for e in report.entries] == ["skipped", "ok", "ok"]
    assert [r["status"] for r in manifest(out)] == ["skipped", "ok", "ok"]
    assert len(table(out, "plans")) == 3


def test_a_file_that_now_fails_loses_the_outputs_of_an_earlier_run(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "plan.txt").write_text(PLAN, encoding="utf-8")
    (src / "plan.txt.bak.txt").write_text(PLAN, encoding="utf-8")
    out = tmp_path / "out"
    options = BatchOptions(out=out, jobs=1)
    assert {e.status for e in run_batch([src], options, stream=io.StringIO()).entries} == {"ok"}
    assert (out / "plan.txt.json").is_file() and list((out / "graphs").glob("plan.txt.p*.graphml"))
    (src / "plan.txt").write_bytes(b"")
    report = run_batch([src], options, stream=io.StringIO())
    assert [e.status for e in report.entries] == ["failed", "ok"]
    assert not (out / "plan.txt.json").exists()
    assert [p.name for p in (out / "graphs").iterdir()] == ["plan.txt.bak.txt.p1.graphml"]
    assert (out / "plan.txt.bak.txt.json").is_file()


def test_local_workers_write_the_outputs_and_send_back_only_the_status(tmp_path):
    from planparse.batch.worker import run_task

    out = tmp_path / "out"
    result = run_task(Task("plan.txt", str(CORPORA / "sample_flood_plan_gbk.txt"), out=str(out)))
    assert (result.status, result.json_text, result.graphs, result.table_rows) == ("ok", None, {}, None)
    assert json.loads((out / "plan.txt.json").read_text(encoding="utf-8"))["schema"] == "planparse/1"
    assert (out / ".planparse" / "rows" / "plan.txt.rows").is_file()
    shipped = run_task(Task("plan.txt", str(CORPORA / "sample_flood_plan_gbk.txt")))
    assert shipped.json_text == (out / "plan.txt.json").read_text(encoding="utf-8")


def test_parse_file_is_the_json_of_parse_with_the_findings():
    path = CORPORA / "sample_flood_plan_gbk.txt"
    doc = planparse.parse(path)
    expected = doc.to_dict()
    for plan, item in zip(doc.plans, expected["plans"], strict=True):
        item["findings"] = [f.to_dict() for f in plan.check(text=doc.text)]
    assert planparse.parse_file(path) == expected
    assert pickle.loads(pickle.dumps(planparse.parse_file)) is planparse.parse_file
    assert "parse_file" in planparse.__all__


def test_parse_still_works(capsys):
    assert main(["parse", str(CORPORA / "sample_flood_plan_gbk.txt")]) == 0
    assert "《" in capsys.readouterr().out


def test_tables_from_documents_alone_are_the_same(sample_run, tmp_path):
    """Outputs of a batch that kept no rendered rows still give the same tables on resume."""
    inputs, out, _ = sample_run
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    shutil.rmtree(copy / ".planparse" / "rows")
    assert main(["batch", str(inputs), "--out", str(copy), "--resume"]) == 0
    for name in ("plans", "sections", "actors", "duties", "relations"):
        assert (copy / "tables" / f"{name}.csv").read_bytes() == (out / "tables" / f"{name}.csv").read_bytes()


@pytest.mark.parametrize("value", [[], [1, 2], [[1, 2], [3, 4]], [[1, 2], []], [True, 1], [[1, True]], [1.5], ["中文"],
                                   (3, 4), {}, {"a": [1]}, [{"a": 1}], [-1, 0]])
def test_a_list_or_mapping_cell_is_its_json(value):
    from planparse.batch.tables import cell

    assert cell(value) == json.dumps(value, ensure_ascii=False)
