"""The HTML shell of the report's pages: style, the sorting script, a content security policy.

Pages load nothing from the network. The policy lets a page run only the one script written here
(by its hash), so even a slip in escaping could not run a plan's text as script.
"""
from __future__ import annotations

import base64
import hashlib
from html import escape

CSS = """
body { font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", sans-serif; margin: 1.5em; color: #222; }
table.planparse, table.report { border-collapse: collapse; font-size: 13px; margin: .5em 0 1.5em; }
table.planparse th, table.planparse td, table.report th, table.report td { border: 1px solid #ccc; padding: 3px 6px; vertical-align: top; }
table.report th { background: #eef; cursor: pointer; user-select: none; }
table.report th.sorted-asc::after { content: " ▲"; } table.report th.sorted-desc::after { content: " ▼"; }
td.num { text-align: right; } .error { color: #b00; } .warning { color: #a60; } .info { color: #06a; }
img.picture { max-width: 100%; border: 1px solid #ddd; margin: .5em 0; }
nav { margin-bottom: 1em; } details { margin: .5em 0 1em; }
"""

# Sorts a table.report by the column clicked: numbers as numbers (a cell's data-value where given),
# text in the Chinese collation; a second click reverses.
SORT_JS = """
document.querySelectorAll("table.report").forEach(function (table) {
  table.querySelectorAll("th").forEach(function (th, col) {
    th.addEventListener("click", function () {
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      var desc = th.classList.contains("sorted-asc");
      table.querySelectorAll("th").forEach(function (h) { h.classList.remove("sorted-asc", "sorted-desc"); });
      th.classList.add(desc ? "sorted-desc" : "sorted-asc");
      function key(row) { var c = row.cells[col]; return c.dataset.value !== undefined ? c.dataset.value : c.textContent; }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b), nx = parseFloat(x), ny = parseFloat(y);
        var r = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, "zh");
        return desc ? -r : r;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
"""


def _script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def page(title: str, body: str, sortable: bool = False) -> str:
    """A whole HTML page; `title` is plan text and is escaped here, `body` is HTML already escaped."""
    script = f"<script>{SORT_JS}</script>" if sortable else ""
    scripts = f"'{_script_hash(SORT_JS)}'" if sortable else "'none'"
    policy = f"default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline'; script-src {scripts}"
    return (f'<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
            f"<title>{escape(title)}</title><style>{CSS}</style></head>"
            f"<body>{body}{script}</body></html>\n")
