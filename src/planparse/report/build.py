"""`write_report(OUT)`: the static HTML report of a finished batch, from OUT's manifest and JSON files.

OUT/report/index.html lists every plan with its counts and findings (a sortable table) and every
input that failed; OUT/report/plans/ holds a page per plan with its section tree, the pictures of its
graph and timeline (SVG files beside the page), its duties and its findings. The findings are those
the batch stored in the JSON; a JSON written before the batch stored them is checked here.
"""
from __future__ import annotations

import csv
import json
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from ..batch.atomic import write_atomic, write_atomic_with
from ..display.frames import rows
from ..display.html import FINDING_COLUMNS, SEVERITIES, cell, section_tree, severity_counts, table
from ..model import Document, Finding, Plan
from .page import page

DUTY_COLUMNS = ("id", "section_title", "action", "modality", "responsible", "lead", "support", "accountable",
                "deadline_text")
INDEX_COLUMNS = ("file", "plan", "title", "issuer", "sections", "actors", "duties", "orphan duties",
                 *SEVERITIES)


@dataclass(frozen=True)
class Input:
    """One ok input of the manifest: its number (naming its pages), source path and JSON in OUT."""

    number: int
    path: str
    json: Path


def write_report(out: str | Path, jobs: int = 1) -> Path:
    """Write OUT/report/ for the batch in OUT; returns the index's path."""
    out = Path(out)
    report = out / "report"
    (report / "plans").mkdir(parents=True, exist_ok=True)
    with (out / "manifest.csv").open(encoding="utf-8", newline="") as f:
        manifest = list(csv.DictReader(f))
    inputs = [Input(n, r["path"], out / r["output"]) for n, r in enumerate(manifest, 1)
              if r["status"] != "failed" and r["output"] and (out / r["output"]).is_file()]
    failed = [r for r in manifest if r["status"] == "failed"]
    if jobs > 1 and len(inputs) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            found = list(pool.map(write_pages, inputs, [report] * len(inputs)))
    else:
        found = [write_pages(i, report) for i in inputs]
    index = report / "index.html"
    write_atomic(index, index_page([row for rows_ in found for row in rows_], failed, len(manifest)))
    return index


def write_pages(item: Input, report: Path) -> list[dict[str, Any]]:
    """Write the pages of one input's plans; their rows of the index."""
    data = json.loads(item.json.read_text(encoding="utf-8"))
    doc = Document.from_dict(data)
    out = []
    for plan, plan_data in zip(doc.plans, data.get("plans", ()), strict=True):
        stored = plan_data.get("findings")
        findings = (plan.wrap_findings(Finding.from_dict(f) for f in stored) if stored is not None
                    else plan.check(text=doc.text))
        name = f"{item.number:04d}-{plan.id}"
        _pictures(plan, report / "plans", name)
        write_atomic(report / "plans" / f"{name}.html", plan_page(plan, findings, item.path, name))
        counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
        out.append({"file": item.path, "plan": plan.id, "title": plan.title or "(untitled)", "issuer": plan.issuer,
                    "href": f"plans/{name}.html", "sections": len(plan.sections), "actors": len(plan.actors),
                    "duties": len(plan.duties), "orphan duties": sum(1 for d in plan.duties if not d.assignees),
                    **counts})
    return out


def _pictures(plan: Plan, folder: Path, name: str) -> None:
    for kind, fig in (("graph", plan.draw()), ("timeline", plan.timeline())):
        write_atomic_with(folder / f"{name}.{kind}.svg", lambda f, fig=fig: fig.savefig(f, format="svg"))


def plan_page(plan: Plan, findings: Any, path: str, name: str) -> str:
    title = plan.title or "(untitled)"
    issuer = f"<p>{escape(plan.issuer)}</p>" if plan.issuer else ""
    duties = rows(plan.duties)
    body = (f'<nav><a href="../index.html">← all plans</a></nav><h1>{escape(title)}</h1>{issuer}'
            f"<p>{escape(path)} · {escape(plan.id)} · {len(plan.sections)} sections · {len(plan.actors)} actors · "
            f"{len(plan.duties)} duties · findings: {escape(severity_counts(findings))}</p>"
            f"<h2>Findings</h2>{_findings(findings)}"
            f"<h2>Sections</h2><details open><summary>{len(plan.sections)} sections</summary>"
            f"{section_tree(plan.sections)}</details>"
            f'<h2>Responsibility graph</h2><img class="picture" src="{name}.graph.svg" alt="responsibility graph">'
            f'<h2>Timeline</h2><img class="picture" src="{name}.timeline.svg" alt="timeline">'
            f"<h2>Duties</h2>{table(DUTY_COLUMNS, duties, limit=None)}")
    return page(title, body)


def _findings(findings: Any) -> str:
    if not findings:
        return "<p>none</p>"
    body = "".join(f'<tr><td class="{escape(r["severity"])}">{cell(r["severity"])}</td><td>{cell(r["rule"])}</td>'
                   f'<td>{cell(r["message"])}</td><td>{cell(r["section_title"])}</td></tr>' for r in rows(findings))
    head = "".join(f"<th>{c}</th>" for c in FINDING_COLUMNS)
    return f'<table class="planparse"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def index_page(plans: list[dict[str, Any]], failed: list[dict[str, str]], inputs: int) -> str:
    head = "".join(f"<th>{escape(c)}</th>" for c in INDEX_COLUMNS)
    lines = []
    for r in plans:
        cells = [f"<td>{cell(r['file'])}</td>", f"<td>{cell(r['plan'])}</td>",
                 f'<td><a href="{escape(r["href"])}">{cell(r["title"])}</a></td>', f"<td>{cell(r['issuer'])}</td>"]
        cells += [f'<td class="num">{r[c]}</td>' for c in INDEX_COLUMNS[4:]]
        lines.append("<tr>" + "".join(cells) + "</tr>")
    failures = "".join(f"<tr><td>{cell(r['path'])}</td><td>{cell(r['error_class'])}</td><td>{cell(r['message'])}</td></tr>"
                       for r in failed)
    body = (f"<h1>planparse report</h1><p>{inputs} inputs, {len(plans)} plans, {len(failed)} inputs failed. "
            f"Click a column's heading to sort by it.</p>"
            f'<table class="report" id="plans"><thead><tr>{head}</tr></thead><tbody>{"".join(lines)}</tbody></table>'
            + (f'<h2>Failed inputs</h2><table class="planparse"><thead><tr><th>path</th><th>error</th>'
               f"<th>message</th></tr></thead><tbody>{failures}</tbody></table>" if failed else ""))
    return page("planparse report", body, sortable=True)
