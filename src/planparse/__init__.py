"""planparse: turn Chinese administrative plans into structure.

    import planparse
    doc = planparse.parse("方案.docx")
    for plan in doc.plans:
        print(plan.title, len(plan.sections))
"""
from __future__ import annotations

from .batch.job import parse_file
from .compare import Corpus, compare
from .errors import PlanParseError
from .model import Document, ParseWarning, Plan, Section, Source
from .pipeline import parse, parse_text
from .read import read
from .times import parse_time

__all__ = ["Corpus", "Document", "Plan", "PlanParseError", "Section", "Source", "ParseWarning", "compare", "parse", "parse_file", "parse_text", "parse_time", "read"]
__version__ = "0.1.0"
