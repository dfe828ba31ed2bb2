from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from planparse import PlanParseError, parse
from planparse.errors import (
    CorruptFileError,
    EmptyFileError,
    FileMissingError,
    NotAFileError,
    UnsupportedFormatError,
)


def test_missing_path(tmp_path):
    with pytest.raises(FileMissingError, match="no such file"):
        parse(tmp_path / "nope.txt")


def test_directory(tmp_path):
    with pytest.raises(NotAFileError, match=str(tmp_path)):
        parse(tmp_path)


@pytest.mark.parametrize("content", [b"", b"   \n\n  "])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyFileError, match="empty.txt"):
        parse(path)


def test_binary_junk(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(UnsupportedFormatError, match="junk.txt: binary"):
        parse(path)


def test_non_zip_docx(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_bytes("这不是一个Word文件".encode())
    with pytest.raises(CorruptFileError, match="fake.docx"):
        parse(path)


def test_truncated_docx(tmp_path):
    full = tmp_path / "full.docx"
    with zipfile.ZipFile(full, "w") as z:
        z.writestr("word/document.xml", "<w:document/>" * 500)
        z.writestr("[Content_Types].xml", "<Types/>" * 500)
    path = tmp_path / "cut.docx"
    path.write_bytes(full.read_bytes()[:300])
    with pytest.raises(PlanParseError, match="cut.docx"):
        parse(path)


def test_zip_that_is_not_a_document(tmp_path):
    path = tmp_path / "book.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedFormatError, match="book.docx"):
        parse(path)


def test_every_error_is_a_planparse_error():
    for cls in (CorruptFileError, EmptyFileError, FileMissingError, NotAFileError, UnsupportedFormatError):
        assert issubclass(cls, PlanParseError)


def test_command_prints_one_line_and_exits_2(tmp_path):
    path = tmp_path / "junk.bin"
    path.write_bytes(os.urandom(4000))
    run = subprocess.run([sys.executable, "-m", "planparse.cli", "parse", str(path)], capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1 and "junk.bin" in run.stderr and "Traceback" not in run.stderr
