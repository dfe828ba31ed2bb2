"""HTML for Jupyter (`_repr_html_`) and the report: tables, the section tree, a plan's summary.

Every piece of plan text goes through html.escape: a title or a name may hold `<`, `&` or a whole
`<script>` element, and it must show as the text it is.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from .frames import COLUMNS, rows
from .items import heading

if TYPE_CHECKING:
    from ..compare.corpus import Corpus
    from ..model import Document, Finding, Plan, Section
    from .items import Items

# Jupyter shows every row it is given; a long table is cut here and says so.
SHOWN_ROWS = 50
SEVERITIES = ("error", "warning", "info")
COUNTED = ("sections", "actors", "times", "phases", "duties", "relations")
FINDING_COLUMNS = ("severity", "rule", "message", "section_title")


def cell(value: Any) -> str:
    """A table cell's text, escaped: lists joined with 、, None empty."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return escape("、".join(str(v) for v in value))
    if isinstance(value, bool):
        return "✓" if value else ""
    return escape(str(value))


def table(columns: Sequence[str], body: Iterable[dict[str, Any]], limit: int | None = SHOWN_ROWS,
          css: str = "planparse") -> str:
    """An HTML table of the rows' values under `columns`; past `limit` rows a line says how many are left out."""
    body = list(body)
    shown = body if limit is None else body[:limit]
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    lines = ["<tr>" + "".join(f"<td>{cell(r.get(c))}</td>" for c in columns) + "</tr>" for r in shown]
    more = f"<p>… {len(body) - len(shown)} more rows</p>" if len(shown) < len(body) else ""
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{"".join(lines)}</tbody></table>{more}'


def items_html(items: Items, limit: int | None = SHOWN_ROWS) -> str:
    return f"<p>{len(items)} {escape(items.kind or 'items')}</p>" + table(COLUMNS[items.kind], rows(items), limit)


def section_tree(sections: Sequence[Section]) -> str:
    """Nested lists, each heading with its numbering as written."""
    children: dict[str | None, list[Section]] = {}
    known = {s.id for s in sections}
    for s in sections:
        children.setdefault(s.parent if s.parent in known else None, []).append(s)

    def branch(parent: str | None) -> str:
        kids = children.get(parent, ())
        if not kids:
            return ""
        return "<ul>" + "".join(f"<li>{escape(heading(s))}{branch(s.id)}</li>"
                                for s in kids) + "</ul>"

    return branch(None) or "<p>(no sections)</p>"


def severity_counts(findings: Iterable[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    return ", ".join(f"{counts[s]} {s}" for s in SEVERITIES if counts[s]) or "none"


def counts_line(plan: Plan) -> str:
    return " · ".join(f"{len(getattr(plan, kind))} {kind}" for kind in COUNTED)


def plan_html(plan: Plan, findings: Items, heading: str = "h3") -> str:
    """A plan's title, issuer, counts, section tree and findings."""
    issuer = f"<p>{escape(plan.issuer)}</p>" if plan.issuer else ""
    orphans = sum(1 for d in plan.duties if not d.assignees)
    return (f'<div class="planparse-plan"><{heading}>{escape(plan.title or "(untitled)")}</{heading}>{issuer}'
            f"<p>{escape(plan.id)} · {counts_line(plan)} · {orphans} duties given to nobody</p>"
            f"<details open><summary>Sections ({len(plan.sections)})</summary>{section_tree(plan.sections)}</details>"
            f"<details open><summary>Findings ({escape(severity_counts(findings))})</summary>"
            f"{table(FINDING_COLUMNS, rows(findings)) if findings else ''}</details></div>")


def document_html(doc: Document) -> str:
    src = doc.source
    head = (f"<p><b>{escape(src.path)}</b> ({escape(src.format)}, {escape(src.encoding or 'binary')}, "
            f"{len(doc.plans)} plan(s), {len(doc.text)} characters)</p>")
    return head + "".join(plan_html(p, p.check(text=doc.text)) for p in doc.plans)


def corpus_html(corpus: Corpus, limit: int = SHOWN_ROWS) -> str:
    """The corpus's plans (name and title) and the files that failed; families take a search of their
    own, so they are left to `corpus.families()`."""
    sigs = corpus.signatures
    body = [{"plan": s.name, "title": s.title} for s in sigs]
    failed = "".join(f"<li>{escape(f)}</li>" for f in corpus.failed)
    return (f"<p>Corpus of {len(sigs)} plans, {len(corpus.failed)} files failed</p>"
            + table(("plan", "title"), body, limit) + (f"<ul>{failed}</ul>" if failed else ""))
