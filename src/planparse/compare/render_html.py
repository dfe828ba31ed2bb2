"""The two texts side by side with the reused passages marked. Every piece of plan text goes through
html.escape: a plan is data, and a title may well be `<script>`."""
from __future__ import annotations

from html import escape

from .pair import Comparison
from .render_text import render_text

_STYLE = """
body{font-family:sans-serif;margin:1em}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.text{white-space:pre-wrap;border:1px solid #ccc;padding:.5em;font-size:14px;line-height:1.6}
mark{background:#fde68a}
mark:target,mark:hover{background:#f59e0b}
.num{font-size:10px;vertical-align:super;color:#92400e}
pre.summary{white-space:pre-wrap;background:#f6f6f6;padding:.5em}
"""


def _marked(text: str, span: tuple[int, int], marks: list[tuple[int, int, int]], side: str, other: str) -> str:
    """The span's text, escaped, with each reused passage (start, end, number) in a <mark> linked to its twin."""
    out, at = [], span[0]
    for start, end, n in sorted(marks):
        out.append(escape(text[at:start]))
        out.append(f'<mark id="{side}{n}" title="passage {n}"><a class="num" href="#{other}{n}">{n}</a>'
                   f"{escape(text[start:end])}</mark>")
        at = end
    out.append(escape(text[at:span[1]]))
    return "".join(out)


def render_html(c: Comparison) -> str:
    marks_a = [(p.a[0], p.a[1], n) for n, p in enumerate(c.reused, 1)]
    marks_b = [(p.b[0], p.b[1], n) for n, p in enumerate(c.reused, 1)]
    title = f"{c.a.title or c.a.name} ↔ {c.b.title or c.b.name}"
    return (f'<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{_STYLE}</style></head><body>\n<h1>{escape(title)}</h1>\n"
            f'<pre class="summary">{escape(render_text(c))}</pre>\n<div class="cols">'
            f'<div><h2>A: {escape(c.a.name)}</h2><div class="text">{_marked(c.a.text, c.a.span, marks_a, "a", "b")}'
            f'</div></div><div><h2>B: {escape(c.b.name)}</h2><div class="text">'
            f'{_marked(c.b.text, c.b.span, marks_b, "b", "a")}</div></div></div>\n</body></html>\n')
