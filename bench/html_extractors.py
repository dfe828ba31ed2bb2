"""Which extractor keeps a government page's title and article, and leaves its chrome out?

For every .html file of the shared corpus a reference was made by hand: the page's visible
title, and the first and last line of its article in the page's visible text (a notice
and the plan it issues both count; signature, date and attachment list count; navigation,
meta lines, sharing, paging and footer do not). The script prints, per extractor:

- titles: pages whose title stands in the first three lines the extractor returns;
- recall: share of the reference article's characters found in the output
  (line by line, whitespace ignored), mean and worst page, and pages under 95 %;
- junk: share of the output's characters that are in neither title nor article;
- headings: share of the article's short numbered lines (一、 （一） 1.) that come out as
  a line of their own;
- time for the whole corpus, after an untimed warm-up pass (steady state).

Run: .venv/bin/python bench/html_extractors.py [--per-file]
"""
from __future__ import annotations

import argparse
import csv
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html
import trafilatura
from readability import Document
from trafilatura.meta import reset_caches

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from planparse.read.charset import decode_text  # noqa: E402
from planparse.read.html import declared_charset, read_html  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"

# html_references.tsv, made by hand, one row a corpus page: the title as the page shows it, the
# start of the article's first line and of its last line; `#2` after a start means its second
# occurrence (the first is in a metadata box).
REFERENCES_FILE = Path(__file__).with_name("html_references.tsv")


def load_references() -> dict[str, tuple[str, str, str]]:
    with REFERENCES_FILE.open(encoding="utf-8", newline="") as f:
        return {row["file"]: (row["title"], row["first_line"], row["last_line"])
                for row in csv.DictReader(f, delimiter="\t")}


REFERENCES = load_references()

_BLOCK = {"p", "div", "br", "tr", "td", "th", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
          "dt", "dd", "section", "article", "header", "footer", "nav", "center", "blockquote", "pre", "form"}
_CLAUSE = re.compile(r"(?<=[。；！？])|\t")
_HEADING = re.compile(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、])")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u3000", ""))


def visible_lines(html: str) -> list[str]:
    """All text a browser shows, one line per block element or <br>; the page <title> is left out."""
    doc = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", html))
    for el in doc.xpath("//script|//style|//noscript|//head|//comment()"):
        el.drop_tree()
    out: list[str] = []

    def walk(el: lxml.html.HtmlElement) -> None:
        block = isinstance(el.tag, str) and el.tag.lower() in _BLOCK
        if block:
            out.append("\n")
        out.append(el.text or "")
        for child in el:
            walk(child)
        if block:
            out.append("\n")
        out.append(el.tail or "")

    walk(doc)
    lines = (re.sub(r"[ \t\xa0]+", " ", ln).strip() for ln in "".join(out).split("\n"))
    return [ln for ln in lines if ln]


def table_cell_lines(html: str) -> set[str]:
    """The lines that stand in table cells: in a table a numbered line is no heading."""
    doc = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", html))
    return {squash(ln) for cell in doc.xpath("//td|//th")
            for ln in visible_lines(lxml.html.tostring(cell, encoding="unicode"))}


def reference(lines: list[str], start: str, end: str) -> list[str]:
    """From the first line starting with `start` (`text#2`: the second one) to the last starting with `end`."""
    start, _, nth = start.partition("#")
    first = [i for i, ln in enumerate(lines) if ln.startswith(start)][int(nth or 1) - 1]
    last = max(i for i, ln in enumerate(lines) if ln.startswith(end))
    return lines[first:last + 1]


# ----------------------------------------------------------------------------- extractors


def run_trafilatura(html: str, precision: bool = False) -> list[str]:
    doc = trafilatura.bare_extraction(html, include_tables=True, favor_precision=precision,
                                      favor_recall=not precision, with_metadata=True)
    if doc is None:
        return []
    return [ln for ln in (doc.text or "").splitlines() if ln.strip()]


def run_trafilatura_titled(html: str) -> list[str]:
    doc = trafilatura.bare_extraction(html, include_tables=True, favor_recall=True, with_metadata=True)
    if doc is None:
        return []
    return [doc.title or "", *[ln for ln in (doc.text or "").splitlines() if ln.strip()]]


def run_readability(html: str) -> list[str]:
    return visible_lines(Document(html).summary(html_partial=True))


def run_readability_titled(html: str) -> list[str]:
    doc = Document(html)
    return [doc.short_title(), *visible_lines(doc.summary(html_partial=True))]


EXTRACTORS: dict[str, Callable[[str, bytes, Path], list[str]]] = {
    "trafilatura (recall)": lambda html, data, path: run_trafilatura(html),
    "trafilatura (precision)": lambda html, data, path: run_trafilatura(html, precision=True),
    "trafilatura + meta title": lambda html, data, path: run_trafilatura_titled(html),
    "readability-lxml": lambda html, data, path: run_readability(html),
    "readability-lxml + title": lambda html, data, path: run_readability_titled(html),
    "planparse (lxml scorer)": lambda html, data, path: [b.text for b in read_html(path, data).blocks],
}


# ----------------------------------------------------------------------------- scoring


def score(title: str, ref: list[str], cells: set[str], out: list[str]) -> dict[str, float]:
    out_text = squash("".join(out))
    ref_text = squash(title + "".join(ref))
    ref_chars = sum(len(squash(ln)) for ln in ref)
    kept = sum(len(squash(ln)) for ln in ref if squash(ln) in out_text)
    # An extractor may glue chrome and article into one line; judge its output by clause.
    pieces = [squash(p) for ln in out for p in _CLAUSE.split(ln)]
    out_chars = sum(len(p) for p in pieces) or 1
    junk = sum(len(p) for p in pieces if p not in ref_text)
    heads = [squash(ln) for ln in ref if _HEADING.match(ln) and len(ln) <= 30 and squash(ln) not in cells]
    own = {squash(ln) for ln in out}
    return {
        "title": float(squash(title) in squash("".join(out[:3]))),
        "recall": kept / ref_chars if ref_chars else 1.0,
        "junk": junk / out_chars,
        "headings": sum(h in own for h in heads) / len(heads) if heads else 1.0,
        "nheads": len(heads),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-file", action="store_true", help="print recall and junk per page")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS}")
    pages = []
    for name, (title, start, end) in REFERENCES.items():
        path = CORPUS / name
        data = path.read_bytes()
        html, _ = decode_text(data, declared_charset(data))
        ref = reference(visible_lines(html), start, end)
        pages.append((name, path, data, html, title, ref, table_cell_lines(html)))
    print(f"{len(pages)} pages, {sum(len(squash(''.join(p[5]))) for p in pages)} reference characters\n")
    header = f"{'extractor':26} {'titles':>7} {'recall':>7} {'worst':>6} {'<95%':>5} {'junk':>6} {'headings':>9} {'time s':>7}"
    print(header)
    print("-" * len(header))
    for label, extract in EXTRACTORS.items():
        # An untimed pass first: trafilatura loads date and language helpers on first need.
        # It also memoises text functions, so its caches are emptied before the timed pass.
        for _, path, data, html, *_ in pages:
            extract(html, data, path)
        reset_caches()
        results, started = [], time.perf_counter()
        for name, path, data, html, title, ref, cells in pages:
            results.append((name, score(title, ref, cells, extract(html, data, path))))
        elapsed = time.perf_counter() - started
        rec = [r["recall"] for _, r in results]
        heads = sum(r["headings"] * r["nheads"] for _, r in results) / sum(r["nheads"] for _, r in results)
        print(f"{label:26} {sum(r['title'] for _, r in results):>4.0f}/{len(results):<2} "
              f"{statistics.mean(rec):>7.1%} {min(rec):>6.0%} {sum(x < 0.95 for x in rec):>5} "
              f"{statistics.mean(r['junk'] for _, r in results):>6.1%} {heads:>9.1%} {elapsed:>7.2f}")
        if args.per_file:
            for name, r in results:
                print(f"    {name:14} title {r['title']:.0f} recall {r['recall']:6.1%} junk {r['junk']:6.1%}"
                      f" headings {r['headings']:6.1%}")


if __name__ == "__main__":
    main()
