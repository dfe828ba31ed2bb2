"""`planparse batch --report`: the static HTML report, read in headless Chromium as a reader sees it."""
from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

pytest.importorskip("matplotlib")

from planparse.batch.runner import BatchOptions, run_batch  # noqa: E402
from planparse.cli import main  # noqa: E402
from planparse.report import write_report  # noqa: E402

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
XSS = "<script>alert(1)</script>"
PLAN = f"{XSS}工作方案\n一、总体要求\n（一）加强领导。区应急局负责统筹，2024年3月31日前完成排查。\n二、工作安排\n1.各单位要在X月底前上报。\n"


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    inputs = tmp_path_factory.mktemp("in")
    shutil.copy(CORPORA / "sample_flood_plan_gbk.txt", inputs)
    (inputs / "xss.txt").write_text(PLAN, encoding="utf-8")
    (inputs / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    out = tmp_path_factory.mktemp("out")
    run_batch([inputs], BatchOptions(out=out, jobs=1, progress_bar=False), stream=io.StringIO())
    write_report(out)
    return out


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    pytest.skip("no headless Chromium here (apt-get install chromium)")


def _browser(*args: str) -> str:
    run = subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          "--disable-extensions", "--virtual-time-budget=3000", *args],
                         capture_output=True, text=True, timeout=120)
    return run.stdout


def _dom(page: Path) -> str:
    return _browser("--dump-dom", page.as_uri())


def _index_rows(out: Path) -> list[str]:
    return re.findall(r'<a href="(plans/[^"]+)"', (out / "report" / "index.html").read_text(encoding="utf-8"))


def test_index_and_one_page_per_plan(batch):
    links = _index_rows(batch)
    assert len(links) == 2
    for link in links:
        page = batch / "report" / link
        assert page.is_file()
        for kind in ("graph", "timeline"):
            svg = page.with_name(page.stem + f".{kind}.svg")
            assert svg.stat().st_size > 5_000
    index = (batch / "report" / "index.html").read_text(encoding="utf-8")
    assert "broken.docx" in index and "Failed inputs" in index


def test_the_index_holds_the_stored_findings(batch):
    flood = json.loads((batch / "sample_flood_plan_gbk.txt.json").read_text(encoding="utf-8"))
    stored = flood["plans"][0]["findings"]
    page = (batch / "report" / "plans" / "0002-p1.html").read_text(encoding="utf-8")
    for finding in stored:
        assert html.escape(finding["message"]) in page


def test_report_works_on_a_finished_batch(batch, tmp_path):
    copy = tmp_path / "out"
    shutil.copytree(batch, copy)
    shutil.rmtree(copy / "report")
    assert write_report(copy, jobs=2) == copy / "report" / "index.html"
    assert _index_rows(copy) == _index_rows(batch)


def test_a_json_without_findings_is_checked_again(batch, tmp_path):
    copy = tmp_path / "out"
    shutil.copytree(batch, copy)
    shutil.rmtree(copy / "report")
    path = copy / "sample_flood_plan_gbk.txt.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    stored = data["plans"][0].pop("findings")
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    write_report(copy)
    page = (copy / "report" / "plans" / "0002-p1.html").read_text(encoding="utf-8")
    assert stored and all(html.escape(f["message"]) in page for f in stored)


def test_cli_flag(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(PLAN, encoding="utf-8")
    assert main(["batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--jobs", "1", "--report"]) == 0
    assert (tmp_path / "out" / "report" / "index.html").is_file()
    with (tmp_path / "out" / "manifest.csv").open(encoding="utf-8") as f:
        assert [r["status"] for r in csv.DictReader(f)] == ["ok"]


def test_a_reader_sees_the_script_title_as_text(batch):
    dom = _dom(batch / "report" / "index.html")
    assert "planparse report" in dom
    # The title is text in the page: escaped in the DOM, never an element.
    assert html.escape(XSS) + "工作方案" in dom
    assert dom.count("<script") == 1 and "alert(1)</script>" not in dom.replace(html.escape(XSS), "")
    page = next(p for p in (batch / "report" / "plans").glob("*.html") if "xss" in p.read_text(encoding="utf-8"))
    dom = _dom(page)
    assert "<script" not in dom.replace(html.escape(XSS), "")
    assert f"<h1>{html.escape(XSS)}工作方案</h1>" in dom


def test_a_reader_sees_the_plan_page(batch):
    dom = _dom(batch / "report" / "plans" / "0002-p1.html")
    for heading in ("Findings", "Sections", "Responsibility graph", "Timeline", "Duties"):
        assert f"<h2>{heading}</h2>" in dom
    assert "防汛防台风" in dom and 'src="0002-p1.graph.svg"' in dom


def test_the_screenshot_is_drawn(batch, tmp_path):
    shot = tmp_path / "index.png"
    _browser(f"--screenshot={shot}", "--window-size=1200,800", (batch / "report" / "index.html").as_uri())
    assert shot.stat().st_size > 10_000


def test_a_click_sorts_the_index_by_number(tmp_path):
    from planparse.report.page import _script_hash, page

    table = ('<table class="report" id="plans"><thead><tr><th>plan</th><th>duties</th></tr></thead><tbody>'
             "<tr><td>x</td><td>10</td></tr><tr><td>y</td><td>9</td></tr><tr><td>z</td><td>100</td></tr></tbody></table>")
    click = 'document.querySelector("#plans th:nth-child(2)").click();'
    # The click runs as a second script, let in by its own hash beside the page's.
    text = page("sort", table, sortable=True).replace("</body>", f"<script>{click}</script></body>")
    text = text.replace("script-src '", f"script-src '{_script_hash(click)}' '")
    (tmp_path / "sort.html").write_text(text, encoding="utf-8")
    dom = _dom(tmp_path / "sort.html")
    assert re.findall(r"<td>(\d+)</td>", dom) == ["9", "10", "100"]
