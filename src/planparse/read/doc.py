"""Read Word 97-2003 .doc files through an external converter.

The binary .doc format is read by antiword where it is installed (fast, text only), else by
LibreOffice converting to .docx, which is then read like any .docx. Without either, reading
fails with `ConverterMissingError` saying what to install. Converters run without a shell,
on a private copy of the bytes in a temporary directory, under a time limit.

A password-protected .docx is an OLE file too (its package sits encrypted in an
`EncryptedPackage` stream), so the sniffer sends it here; it is recognised before any
converter runs.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import ConverterMissingError, CorruptFileError, EncryptedFileError
from .blocks import Block, ReaderOutput, ReadWarning
from .docx import read_docx

ANTIWORD_TIMEOUT_S = 60
LIBREOFFICE_TIMEOUT_S = 180
CONVERTED_WARNING = "doc-converted"
INSTALL_HINT = (
    "install antiword (`apt-get install antiword`) or LibreOffice "
    "(`apt-get install libreoffice-writer`, which provides `soffice`)"
)

# OLE directory entries are 128 bytes long and start with the stream name in UTF-16LE.
_ENCRYPTED_STREAM = re.compile(re.escape("EncryptedPackage".encode("utf-16-le")))
_OLE_DIRECTORY_ENTRY = 128
_PICTURE_MARK = "[pic]"


def read_doc(path: Path, data: bytes) -> ReaderOutput:
    """Read a Word 97-2003 .doc with antiword, else LibreOffice."""
    if is_encrypted_ooxml(data):
        raise EncryptedFileError(
            path, "a password-protected Word document (encrypted package); "
                  "open it in Word, remove the password and save it again")
    antiword = shutil.which("antiword")
    if antiword:
        return _read_with_antiword(path, data, antiword)
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office:
        return _read_with_libreoffice(path, data, office)
    raise ConverterMissingError(
        path, f"reading a Word 97-2003 .doc needs a converter and none is on PATH: {INSTALL_HINT}")


def is_encrypted_ooxml(data: bytes) -> bool:
    """Whether an OLE file holds an `EncryptedPackage` stream (an encrypted .docx/.xlsx)."""
    return any(m.start() % _OLE_DIRECTORY_ENTRY == 0 for m in _ENCRYPTED_STREAM.finditer(data))


def antiword_blocks(text: str) -> list[Block]:
    """Blocks from antiword's text output (run with `-w 0`: one line per paragraph).

    antiword draws a table row as `|cell|cell|`; such lines become table rows.
    """
    blocks: list[Block] = []
    for number, line in enumerate(text.splitlines(), 1):
        content = line.replace(_PICTURE_MARK, "").strip()
        if not content:
            continue
        locator = f"antiword line {number}"
        if len(content) > 1 and content.startswith("|") and content.endswith("|"):
            cells = tuple(cell.strip() for cell in content[1:-1].split("|"))
            if any(cells):
                blocks.append(Block(kind="table_row", text="\t".join(cells), locator=locator, cells=cells))
            continue
        blocks.append(Block(kind="paragraph", text=content, locator=locator))
    return blocks


def _read_with_antiword(path: Path, data: bytes, antiword: str) -> ReaderOutput:
    with tempfile.TemporaryDirectory(prefix="planparse-doc-") as tmp:
        source = Path(tmp) / "input.doc"
        source.write_bytes(data)
        result = _run(path, [antiword, "-m", "UTF-8.txt", "-w", "0", str(source)], ANTIWORD_TIMEOUT_S)
        if result.returncode != 0:
            _raise_for_failure(path, "antiword", result, source)
    text = result.stdout.decode("utf-8", errors="replace")
    warning = ReadWarning(
        CONVERTED_WARNING, "read through antiword: plain text, without Word styles, headings or table merges")
    return ReaderOutput(blocks=antiword_blocks(text), encoding=None, warnings=[warning])


def _read_with_libreoffice(path: Path, data: bytes, office: str) -> ReaderOutput:
    with tempfile.TemporaryDirectory(prefix="planparse-doc-") as tmp:
        work = Path(tmp)
        source = work / "input.doc"
        source.write_bytes(data)
        # A private profile: LibreOffice refuses to start while another instance holds the default one.
        command = [
            office, f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless", "--norestore", "--convert-to", "docx", "--outdir", str(work / "out"), str(source),
        ]
        result = _run(path, command, LIBREOFFICE_TIMEOUT_S)
        converted = work / "out" / "input.docx"
        if result.returncode != 0 or not converted.is_file():
            _raise_for_failure(path, "LibreOffice", result, source)
        converted_bytes = converted.read_bytes()
    output = read_docx(path, converted_bytes)
    warning = ReadWarning(CONVERTED_WARNING, "converted to .docx with LibreOffice before reading")
    return ReaderOutput(blocks=output.blocks, encoding=None, warnings=[*output.warnings, warning])


def _run(path: Path, command: list[str], timeout: int) -> subprocess.CompletedProcess[bytes]:
    name = Path(command[0]).name
    try:
        return subprocess.run(command, capture_output=True, stdin=subprocess.DEVNULL, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise CorruptFileError(path, f"{name} did not finish within {timeout} s (a damaged .doc?)") from exc
    except OSError as exc:
        raise ConverterMissingError(path, f"{name} could not be started ({exc}); {INSTALL_HINT}") from exc


def _raise_for_failure(
    path: Path, name: str, result: subprocess.CompletedProcess[bytes], source: Path
) -> None:
    message = (result.stderr or result.stdout).decode("utf-8", errors="replace").strip()
    # The converter names its temporary copy; the file the caller asked for is the one that matters.
    message = message.replace(str(source), path.name) or f"exit status {result.returncode}"
    if "encrypt" in message.lower() or "password" in message.lower():
        raise EncryptedFileError(path, f"a password-protected .doc ({name}: {message})")
    raise CorruptFileError(path, f"{name} could not read it as a Word 97-2003 document: {message}")
