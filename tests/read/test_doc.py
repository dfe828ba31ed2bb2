"""The Word 97-2003 .doc reader: converters, their absence and failures, encrypted packages."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from planparse.errors import ConverterMissingError, CorruptFileError, EncryptedFileError
from planparse.read import doc as doc_reader
from planparse.read import read
from planparse.read.doc import CONVERTED_WARNING, antiword_blocks, is_encrypted_ooxml, read_doc

from .docx_factory import DocxBuilder

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / ".." / "shared" / "corpus"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole_with_stream(name: str, at: int = 512 + 128) -> bytes:
    """An OLE-looking file whose directory holds a stream called `name` at offset `at`."""
    data = bytearray(OLE_MAGIC + bytes(at - len(OLE_MAGIC)))
    data += name.encode("utf-16-le") + bytes(128 - 2 * len(name))
    return bytes(data)


def fake_run(stdout: bytes = b"", stderr: bytes = b"", returncode: int = 0, calls: list | None = None):
    def run(command, **kwargs):
        if calls is not None:
            calls.append((command, kwargs))
        return subprocess.CompletedProcess(command, returncode, stdout, stderr)
    return run


def only(available: dict[str, str]):
    return lambda name: available.get(name)


# ---------------------------------------------------------------------------------------
# Encrypted packages and missing converters

def test_encrypted_docx_is_recognised(tmp_path):
    path = tmp_path / "加密方案.doc"
    path.write_bytes(ole_with_stream("EncryptedPackage"))
    with pytest.raises(EncryptedFileError) as caught:
        read(path)
    assert caught.value.path == str(path)
    assert "password" in caught.value.cause
    with pytest.raises(EncryptedFileError):
        read_doc(tmp_path / "加密方案.docx", path.read_bytes())


def test_stream_name_must_sit_in_a_directory_entry():
    assert is_encrypted_ooxml(ole_with_stream("EncryptedPackage"))
    assert not is_encrypted_ooxml(ole_with_stream("WordDocument"))
    assert not is_encrypted_ooxml(ole_with_stream("WordDocument") + b"\x00" * 6 + "EncryptedPackage".encode("utf-16-le"))


def test_missing_converter_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    path = tmp_path / "plan.doc"
    path.write_bytes(ole_with_stream("WordDocument"))
    with pytest.raises(ConverterMissingError) as caught:
        read(path)
    assert caught.value.path == str(path)
    assert "apt-get install antiword" in caught.value.cause
    assert "LibreOffice" in caught.value.cause


def test_missing_converter_with_which_patched(monkeypatch):
    monkeypatch.setattr(doc_reader.shutil, "which", only({}))
    with pytest.raises(ConverterMissingError, match="antiword"):
        read_doc(Path("plan.doc"), ole_with_stream("WordDocument"))


# ---------------------------------------------------------------------------------------
# antiword

def test_antiword_output_to_blocks():
    text = (
        "\n"
        "XX区2024年防汛工作方案\n"
        "一、总体要求\n"
        "   坚持人民至上。[pic]\n"
        "\n"
        "|序号 |任务     |牵头单位 |\n"
        "|1    |隐患排查 |区水务局 |\n"
        "|     |         |         |\n"
        "[pic]\n"
    )
    blocks = antiword_blocks(text)
    assert [(b.kind, b.text, b.locator) for b in blocks] == [
        ("paragraph", "XX区2024年防汛工作方案", "antiword line 2"),
        ("paragraph", "一、总体要求", "antiword line 3"),
        ("paragraph", "坚持人民至上。", "antiword line 4"),
        ("table_row", "序号\t任务\t牵头单位", "antiword line 6"),
        ("table_row", "1\t隐患排查\t区水务局", "antiword line 7"),
    ]
    assert blocks[4].cells == ("1", "隐患排查", "区水务局")


def test_antiword_is_run_without_shell_and_with_a_timeout(monkeypatch):
    calls: list = []
    monkeypatch.setattr(doc_reader.shutil, "which", only({"antiword": "/opt/bin/antiword"}))
    monkeypatch.setattr(doc_reader.subprocess, "run", fake_run("一、总体要求\n".encode(), calls=calls))
    out = read_doc(Path("plan.doc"), ole_with_stream("WordDocument"))
    assert [b.text for b in out.blocks] == ["一、总体要求"]
    assert [w.code for w in out.warnings] == [CONVERTED_WARNING]
    ((command, kwargs),) = calls
    assert command[:5] == ["/opt/bin/antiword", "-m", "UTF-8.txt", "-w", "0"]
    assert kwargs["timeout"] > 0 and not kwargs.get("shell")


def test_antiword_timeout(monkeypatch):
    def hang(command, **kwargs):
        raise subprocess.TimeoutExpired(command, kwargs["timeout"])
    monkeypatch.setattr(doc_reader.shutil, "which", only({"antiword": "/opt/bin/antiword"}))
    monkeypatch.setattr(doc_reader.subprocess, "run", hang)
    with pytest.raises(CorruptFileError, match="did not finish"):
        read_doc(Path("plan.doc"), ole_with_stream("WordDocument"))


def test_antiword_reports_encryption(monkeypatch):
    monkeypatch.setattr(doc_reader.shutil, "which", only({"antiword": "/opt/bin/antiword"}))
    monkeypatch.setattr(doc_reader.subprocess, "run", fake_run(stderr=b"Encrypted files are not supported", returncode=1))
    with pytest.raises(EncryptedFileError, match="plan.doc"):
        read_doc(Path("plan.doc"), ole_with_stream("WordDocument"))


@pytest.mark.skipif(shutil.which("antiword") is None, reason="antiword is not installed")
def test_antiword_rejects_a_non_word_ole_file(tmp_path):
    path = tmp_path / "junk.doc"
    path.write_bytes(OLE_MAGIC + b"not really a document" * 50)
    with pytest.raises(CorruptFileError) as caught:
        read(path)
    assert "junk.doc" in caught.value.cause and "input.doc" not in caught.value.cause


@pytest.mark.skipif(shutil.which("antiword") is None, reason="antiword is not installed")
def test_plan_023_through_antiword():
    path = CORPUS / "plan_023.doc"
    if not path.is_file():
        pytest.skip("corpus file plan_023.doc is not available (../shared/corpus beside the repository)")
    doc = read(path)
    texts = [b.text for b in doc.blocks]
    assert doc.format == "doc"
    assert "《道路工程》课程考试大纲" in texts
    assert "一、考试形式：闭卷，笔试，时间2小时，总分100分。" in texts
    assert texts[-1].startswith("六、其它要求")
    assert any(t.startswith("3．掌握路线平面") for t in texts)
    assert [w.code for w in doc.warnings] == [CONVERTED_WARNING]


# ---------------------------------------------------------------------------------------
# LibreOffice

def test_libreoffice_converts_to_docx_when_antiword_is_missing(monkeypatch, tmp_path):
    calls: list = []
    builder = DocxBuilder()
    builder.heading("一、总体要求", 1)
    builder.paragraph("坚持人民至上。")
    converted = builder.to_bytes()

    def soffice(command, **kwargs):
        calls.append((command, kwargs))
        outdir = Path(command[command.index("--outdir") + 1])
        outdir.mkdir(parents=True)
        (outdir / (Path(command[-1]).stem + ".docx")).write_bytes(converted)
        return subprocess.CompletedProcess(command, 0, b"", b"")

    monkeypatch.setattr(doc_reader.shutil, "which", only({"soffice": "/opt/libreoffice/soffice"}))
    monkeypatch.setattr(doc_reader.subprocess, "run", soffice)
    out = read_doc(Path("plan.doc"), ole_with_stream("WordDocument"))
    assert [(b.kind, b.text) for b in out.blocks] == [("heading", "一、总体要求"), ("paragraph", "坚持人民至上。")]
    assert [w.code for w in out.warnings] == [CONVERTED_WARNING]
    ((command, kwargs),) = calls
    assert command[0] == "/opt/libreoffice/soffice"
    assert {"--headless", "--convert-to", "docx"} <= set(command)
    assert kwargs["timeout"] > 0


def test_libreoffice_failure_is_reported(monkeypatch):
    monkeypatch.setattr(doc_reader.shutil, "which", only({"libreoffice": "/usr/bin/libreoffice"}))
    monkeypatch.setattr(doc_reader.subprocess, "run", fake_run(stderr=b"Error: source file could not be loaded",
                                                               returncode=1))
    with pytest.raises(CorruptFileError, match="could not be loaded"):
        read_doc(Path("plan.doc"), ole_with_stream("WordDocument"))
