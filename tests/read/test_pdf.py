"""The PDF reader: lines with their page, page furniture dropped, lost characters counted,
and PDFs that cannot be read (password, no text layer, damage) named for what they are."""
from __future__ import annotations

from pathlib import Path

import pytest

from planparse.errors import CorruptFileError, EmptyFileError, EncryptedFileError, NeedsOCRError
from planparse.read import read
from planparse.read.pdf import is_page_number, read_pdf

from .pdf_factory import (
    build_pdf,
    cid_font,
    drawing_only_pdf,
    encrypt_pdf,
    paginate,
    strip_unicode_maps,
    truetype_font,
)

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"

HEADER = "青溪县人民政府办公室文件"
FOOTER = "青溪县人民政府办公室 2024年3月15日印发"
BODY = [
    "青溪县2024年春季防汛工作方案",
    "一、指导思想",
    "坚持人民至上、生命至上，全面提升防汛应急处置能力。",
    "二、主要任务",
    *[f"（{n}）第{n}项任务：各乡镇要于4月{n}日前完成隐患排查，建立问题清单。" for n in "一二三四五六七八九十"],
    "三、工作要求",
    *[f"{n}.各单位要压实责任，严格执行值班制度，第{n}条要求。" for n in range(1, 21)],
    "青溪县人民政府办公室",
    "2024年3月15日",
]
PATH = Path("plan.pdf")


def body_texts(data: bytes) -> list[str]:
    return [b.text for b in read_pdf(PATH, data).blocks]


def fonts() -> list[str]:
    return [cid_font(), *([truetype_font()] if truetype_font() else [])]


@pytest.mark.parametrize("font", fonts())
@pytest.mark.parametrize("numbering", ["- {n} -", "第{n}页 共{total}页", "{n}", "{n}/{total}", "— {n} —"])
def test_running_header_footer_and_page_numbers_are_dropped(font: str, numbering: str) -> None:
    pages = paginate(BODY, per_page=12)
    out = read_pdf(PATH, build_pdf(pages, font=font, header=HEADER, footer=FOOTER, page_number=numbering))
    assert [b.text for b in out.blocks] == BODY
    (warning,) = out.warnings
    assert warning.code == "pdf-headers-footers"
    assert f"dropped {3 * len(pages)} lines" in warning.message
    assert f"{2 * len(pages)} running header/footer lines and {len(pages)} page numbers" in warning.message


def test_blocks_say_their_page_and_line() -> None:
    pages = paginate(BODY, per_page=12)
    blocks = read_pdf(PATH, build_pdf(pages, header=HEADER, page_number="- {n} -")).blocks
    assert [b.page for b in blocks] == [n for n, lines in enumerate(pages, start=1) for _ in lines]
    assert blocks[0].locator == "page 1 line 2"  # the header is line 1
    assert blocks[12].locator == "page 2 line 2"
    assert {b.kind for b in blocks} == {"paragraph"} and all(b.offset is None for b in blocks)


def test_without_furniture_nothing_is_dropped_and_nothing_is_warned() -> None:
    out = read_pdf(PATH, build_pdf(paginate(BODY, per_page=12)))
    assert [b.text for b in out.blocks] == BODY and out.warnings == []


def test_a_single_page_keeps_its_lines_but_not_its_page_number() -> None:
    out = read_pdf(PATH, build_pdf([BODY[:6]], page_number="- {n} -"))
    assert [b.text for b in out.blocks] == BODY[:6]


def test_numbers_inside_the_page_are_text() -> None:
    # A lone number in the middle of a page is a table cell or a list item, not a page number.
    pages = [[*BODY[:5], "3", "2020", *BODY[5:10]], [*BODY[10:15], "3", "2020", *BODY[15:20]]]
    assert body_texts(build_pdf(pages, page_number="{n}")) == pages[0] + pages[1]


def test_lines_repeated_inside_pages_are_text() -> None:
    # Only the outermost lines of a page can be running headers or footers.
    pages = [[f"开头的一行之{first}", *BODY[1:8]] for first in "甲乙丙"]
    assert body_texts(build_pdf(pages)) == [line for lines in pages for line in lines]


def test_headers_that_change_from_page_to_page_are_kept() -> None:
    pages = paginate(BODY, per_page=12)
    data = build_pdf(pages)
    with_chapters = build_pdf([[f"第{n}部分 工作安排之{'甲乙丙丁戊'[n - 1]}", *lines] for n, lines in enumerate(pages, 1)])
    assert body_texts(data) == BODY
    assert len(body_texts(with_chapters)) == len(BODY) + len(pages)


@pytest.mark.parametrize("text", ["3", "- 3 -", "— 12 —", "·3·", "第3页", "第 3 页 共 10 页", "共10页 第3页",
                                  "3/10", "3 / 10", "Page 3", "page 3 of 10", "第三页", "- 三 -", "[3]"])
def test_page_numbers(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["一、总体要求", "2020年", "3.5", "第三章 总则", "（三）", "1.", "12345", "3月",
                                  "二〇二四年三月", ""])
def test_not_page_numbers(text: str) -> None:
    assert not is_page_number(text)


def test_embedded_truetype_subset_is_read_whole() -> None:
    font = truetype_font()
    if font is None:
        pytest.skip("no TrueType CJK font installed (fonts-wqy-zenhei or fonts-arphic-uming)")
    assert body_texts(build_pdf(paginate(BODY, per_page=12), font=font)) == BODY


def test_fonts_without_unicode_map_are_counted_as_lost() -> None:
    font = truetype_font()
    if font is None:
        pytest.skip("no TrueType CJK font installed (fonts-wqy-zenhei or fonts-arphic-uming)")
    out = read_pdf(PATH, strip_unicode_maps(build_pdf(paginate(BODY, per_page=12), font=font)))
    lost = [w for w in out.warnings if w.code == "pdf-lost-characters"]
    assert len(lost) == 1
    count = int(lost[0].message.split()[0])
    expected = sum(len(line.replace(" ", "")) for line in BODY)
    assert count >= 0.9 * expected
    assert "pages 1, 2, 3" in lost[0].message
    assert not any(ch < " " for b in out.blocks for ch in b.text)


def test_a_page_without_text_among_pages_with_text_is_reported() -> None:
    data = build_pdf([BODY[:6], [], BODY[6:12]])
    out = read_pdf(PATH, data)
    assert [b.text for b in out.blocks] == BODY[:12]
    assert [(w.code, w.message) for w in out.warnings] == [
        ("pdf-pages-without-text", "page 2 has no text layer (scanned?); only OCR could read them")]


def test_no_text_layer_needs_ocr() -> None:
    with pytest.raises(NeedsOCRError, match="needs OCR") as caught:
        read_pdf(Path("scan.pdf"), drawing_only_pdf(pages=2))
    assert caught.value.path == "scan.pdf"
    assert "2 pages" in caught.value.cause


def test_corpus_pdf_drawn_as_outlines_needs_ocr() -> None:
    path = CORPUS / "plan_055.pdf"
    if not path.is_file():
        pytest.skip(f"no corpus at {CORPUS}")
    with pytest.raises(NeedsOCRError, match="needs OCR"):
        read(path)


def test_password_protected_pdf() -> None:
    data = encrypt_pdf(build_pdf([BODY[:5]]), user_password="secret")
    with pytest.raises(EncryptedFileError, match="password") as caught:
        read_pdf(Path("locked.pdf"), data)
    assert caught.value.path == "locked.pdf"


def test_pdf_encrypted_only_against_editing_is_read() -> None:
    data = encrypt_pdf(build_pdf([BODY[:5]]), user_password="")
    assert body_texts(data) == BODY[:5]


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 3],
    lambda data: b"%PDF-1.7\n" + b"\x00garbage" * 50,
    lambda data: data.replace(b"obj", b"jbo"),
])
def test_damaged_pdf(damage) -> None:
    with pytest.raises(CorruptFileError, match="damaged"):
        read_pdf(Path("broken.pdf"), damage(build_pdf([BODY[:5]])))


def test_read_dispatches_pdf(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(build_pdf(paginate(BODY, per_page=12), header=HEADER, page_number="- {n} -"))
    doc = read(path)
    assert doc.format == "pdf" and doc.encoding is None
    assert [b.text for b in doc.blocks] == BODY
    assert [w.code for w in doc.warnings] == ["pdf-headers-footers"]


def test_truncated_pdf_through_read(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(build_pdf([BODY[:5]])[:200])
    with pytest.raises((CorruptFileError, EmptyFileError)):
        read(path)
