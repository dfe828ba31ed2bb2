"""Findings as a person reads them (`path:line:col: RULE message`) or as JSON."""
from __future__ import annotations

import json

from ..model import Document, Finding


def text_lines(path: str, doc: Document, findings: list[Finding]) -> list[str]:
    out = []
    for f in findings:
        line, col = doc.line_col(f.span[0]) if f.span else (1, 1)
        out.append(f"{path}:{line}:{col}: {f.rule} {f.message} [{f.severity}]")
    return out


def json_line(path: str, findings: list[Finding]) -> str:
    """One object per file: its path and its findings (the schema's `finding`)."""
    return json.dumps({"path": path, "findings": [f.to_dict() for f in findings]}, ensure_ascii=False)
