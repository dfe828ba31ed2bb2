"""Which library reads the text layer of a Chinese PDF without losing characters, and how fast?

The text of the shared corpus's web pages (through planparse's HTML reader; the sample page
in corpora/ when the corpus is absent) plus a page of rare characters (hanzi of CJK
Extensions A to E used in names, circled and full-width numbers, brackets of document
numbers) is set into A4 PDFs four ways:

- cid: the CID font STSong-Light, not embedded (UniGB-UCS2-H), as many Chinese producers do;
- ttf-wqy / ttf-uming: a TrueType font embedded as a subset with a /ToUnicode map
  (fonts-wqy-zenhei, fonts-arphic-uming); text a font has no glyph for is left out, so the
  reference is what the PDF really holds;
- ttf-no-map: the same subset with /ToUnicode removed, the case where every reader loses
  the text: what counts there is whether the loss can be seen.

Each page is read with pypdfium2, pdfplumber, pypdf (and planparse's reader, built on
pypdfium2) and compared with what was set,
whitespace ignored (difflib on characters): lost = set but not returned, wrong = returned
but not set; the markers of loss ((cid:NNN), U+FFFD, control codes) are counted apart.

Run: .venv/bin/python bench/pdf_readers.py [--pages N]
"""
from __future__ import annotations

import argparse
import difflib
import io
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdf
import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.read.pdf_factory import (  # noqa: E402
    build_pdf,
    cid_font,
    font_covers,
    paginate,
    strip_unicode_maps,
    truetype_font,
    wrap,
)

from planparse.read.html import read_html  # noqa: E402
from planparse.read.pdf import read_pdf  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLE = ROOT / "corpora" / "sample_page.html"

RARE = """\
姓名用字：𬌗 𬍛 𫖮 𬳵 𠮷 𪚥 䶮 㐀 鿏 堃 喆 犇 淼 昇 甦 燚 垚
地名用字：亳州 涪陵 儋州 莞城 漯河 邗江 郾城 濉溪 鄯善 柘城 荥阳 猇亭
编号与括号：〔2020〕 ﹝2021﹞ 【附件】 《方案》 〈表〉 「引」 『号』 （一） ⑴ ⒈
序号：①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑳ ㈠㈡㈢ ⅠⅡⅢⅣ ⅰⅱⅲ １２３４５ ＡＢＣ ａｂｃ
符号：℃ ‰ ㎡ ㎏ ～ — —— … · ・ ※ § № ≤ ≥ ± × ÷ ￥ ＄ ％ ＆ ＠ ＃
"""

_LOSS_MARKS = re.compile(r"\(cid:\d+\)|\ufffd|[\x00-\x08\x0b\x0c\x0e-\x1f]")
_WHITE = re.compile(r"[\s\u3000]+")


def source_text() -> str:
    files = sorted(CORPUS.glob("*.html")) if CORPUS.is_dir() else [SAMPLE]
    parts = []
    for path in files:
        blocks = read_html(path, path.read_bytes()).blocks
        parts.append("\n".join(b.text.replace("\t", " ") for b in blocks))
    return RARE + "\n".join(parts)


# ----------------------------------------------------------------------------- readers


def read_pdfium(data: bytes) -> list[str]:
    document = pdfium.PdfDocument(data)
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def read_pdfplumber(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def read_pypdf(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def read_planparse(data: bytes) -> list[str]:
    """planparse's reader (PDFium plus furniture removal), its blocks put back into pages."""
    count = len(pdfium.PdfDocument(data))
    pages: list[list[str]] = [[] for _ in range(count)]
    for block in read_pdf(Path("bench.pdf"), data).blocks:
        pages[(block.page or 1) - 1].append(block.text)
    return ["\n".join(lines) for lines in pages]


def reported_loss(data: bytes) -> str:
    warnings = [w.message for w in read_pdf(Path("bench.pdf"), data).warnings if w.code == "pdf-lost-characters"]
    return warnings[0] if warnings else "no pdf-lost-characters warning"


READERS: dict[str, Callable[[bytes], list[str]]] = {
    "pypdfium2": read_pdfium,
    "pdfplumber": read_pdfplumber,
    "pypdf": read_pypdf,
    "planparse": read_planparse,
}


# ----------------------------------------------------------------------------- measuring


def compare(expected: str, got: str) -> tuple[int, int, int]:
    """Characters lost, characters wrong, markers of loss; whitespace ignored."""
    marks = len(_LOSS_MARKS.findall(got))
    want, have = _WHITE.sub("", expected), _WHITE.sub("", _LOSS_MARKS.sub("", got))
    matcher = difflib.SequenceMatcher(None, want, have, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return len(want) - matched, len(have) - matched, marks


def documents(pages: int) -> dict[str, tuple[bytes, list[list[str]]]]:
    text = source_text()
    built: dict[str, tuple[bytes, list[list[str]]]] = {}
    fonts = {"cid": cid_font(), "ttf-wqy": truetype_font("WenQuanYi Zen Hei"),
             "ttf-uming": truetype_font("AR PL UMing")}
    for label, font in fonts.items():
        if font is None:
            print(f"({label}: font not installed, skipped)")
            continue
        layout = paginate(wrap(font_covers(font, text)))[:pages]
        built[label] = (build_pdf(layout, font=font), layout)
    if "ttf-wqy" in built:
        data, layout = built["ttf-wqy"]
        built["ttf-no-map"] = (strip_unicode_maps(data), layout)
    return built


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=60, help="pages per document (default 60)")
    args = parser.parse_args()
    docs = documents(args.pages)
    header = f"{'document':11} {'reader':11} {'pages':>5} {'chars':>7} {'lost':>6} {'wrong':>6} {'marks':>6} {'ms/page':>8}"
    print(header)
    print("-" * len(header))
    for label, (data, layout) in docs.items():
        expected = ["\n".join(lines) for lines in layout]
        total = sum(len(_WHITE.sub("", page)) for page in expected)
        for name, reader in READERS.items():
            reader(data)  # warm-up: first-call imports are not timed
            started = time.perf_counter()
            texts = reader(data)
            elapsed = time.perf_counter() - started
            lost = wrong = marks = 0
            for want, got in zip(expected, texts, strict=True):
                page_lost, page_wrong, page_marks = compare(want, got)
                lost, wrong, marks = lost + page_lost, wrong + page_wrong, marks + page_marks
            print(f"{label:11} {name:11} {len(texts):>5} {total:>7} {lost:>6} {wrong:>6} {marks:>6}"
                  f" {1000 * elapsed / len(texts):>8.1f}")
    if "ttf-no-map" in docs:
        print(f"\nplanparse on ttf-no-map: {reported_loss(docs['ttf-no-map'][0])}")
    scanned = CORPUS / "plan_055.pdf"
    if scanned.is_file():
        data = scanned.read_bytes()
        print("corpus plan_055.pdf (text drawn as outlines), characters returned: "
              + ", ".join(f"{name} {len(_WHITE.sub('', ''.join(reader(data))))}"
                          for name, reader in READERS.items() if name != "planparse"))
    print("\nThe rare-character page (page 1), per reader and document:")
    for label, (data, layout) in docs.items():
        for name, reader in READERS.items():
            got = _WHITE.sub("", _LOSS_MARKS.sub("", reader(data)[0]))
            missing = sorted({ch for ch in _WHITE.sub("", "\n".join(layout[0])) if ch not in got})
            print(f"  {label:11} {name:11} missing: {''.join(missing)[:60] or '-'}")


if __name__ == "__main__":
    main()
