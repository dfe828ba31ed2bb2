"""Errors that planparse raises for input it cannot read.

Every error names the file and the cause, so that a batch can record it in one line and a
person can act on it without a traceback.
"""
from __future__ import annotations

from pathlib import Path


class PlanParseError(Exception):
    """Base of every error planparse raises for bad input."""

    def __init__(self, path: str | Path | None, cause: str):
        self.path = str(path) if path is not None else None
        self.cause = cause
        super().__init__(f"{self.path}: {cause}" if self.path else cause)


class FileMissingError(PlanParseError):
    """The path does not exist."""


class NotAFileError(PlanParseError):
    """The path is a directory or another thing that is not a regular file."""


class EmptyFileError(PlanParseError):
    """The file has no bytes, or no text once read."""


class UnsupportedFormatError(PlanParseError):
    """The file is none of the formats planparse reads (binary junk, an image, ...)."""


class CorruptFileError(PlanParseError):
    """The file claims a format but its content is broken (a truncated .docx, a bad PDF)."""


class EncryptedFileError(PlanParseError):
    """The file is password-protected."""


class NeedsOCRError(PlanParseError):
    """A PDF whose pages carry no text layer: only OCR could read it."""


class ConverterMissingError(PlanParseError):
    """Reading the format needs an external program that is not installed."""


class UnsafeFileError(PlanParseError):
    """The file looks built to exhaust the reader (a zip bomb, an XML entity bomb)."""


class TooLargeError(PlanParseError):
    """The file's text exceeds the configured size limit."""
