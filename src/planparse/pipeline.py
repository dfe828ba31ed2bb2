"""From a read file to the document model: normalise, split into plans, build section trees."""
from __future__ import annotations

import hashlib
from pathlib import Path

from .actors import find_actors
from .collector import with_collector_paused
from .duties import find_duties
from .model import Document, ParseWarning, Plan, Source
from .normalize import normalise
from .read import SourceDocument, read
from .read.blocks import Block
from .read.txt import line_blocks
from .sections import LineHints, find_sections
from .split import config as plan_config
from .split import find_plans
from .times import find_phases, find_times

# Formats whose lines may be hard-wrapped; in the others a line break ends a paragraph.
_WRAPPING_FORMATS = {"txt", "pdf"}


@with_collector_paused
def build_document(src: SourceDocument, year: int | None = None) -> Document:
    """`year` fills the XXXX of dates written without one; by default a year the plan states is used."""
    norm = normalise(src.blocks, rejoin_wraps=src.format in _WRAPPING_FORMATS)
    text = norm.text
    warnings = [ParseWarning(w.code, w.message) for w in src.warnings]
    warnings += [ParseWarning(c.code, c.message, c.span) for c in norm.corrections]
    warnings += [ParseWarning(c.code, c.message) for c in norm.summary]
    heading_levels: dict[int, int] = {}
    numbered, table_rows = set(), set()
    for block, span in zip(src.blocks, norm.block_spans, strict=True):
        if block.kind == "heading" and block.heading_level:
            heading_levels[span[0]] = block.heading_level
        elif block.kind == "table_row":
            table_rows.add(span[0])
        if block.label:
            numbered.add(span[0])
    hints = LineHints(heading_levels, frozenset(numbered), frozenset(table_rows))
    org_suffixes = tuple(plan_config()["org_suffixes"])
    plans = []
    for i, extent in enumerate(find_plans(text), 1):
        prefix = f"p{i}."
        sections, section_warnings = find_sections(
            text, (extent.body_start, extent.span[1]), hints, org_suffixes, prefix)
        warnings += section_warnings
        times = find_times(text, extent.span, year=year, id_prefix=prefix, sections=sections)
        phases = find_phases(text, extent.span, times=times, id_prefix=prefix, sections=sections)
        actors, relations = find_actors(text, (extent.body_start, extent.span[1]), issuer=extent.issuer,
                                        id_prefix=prefix, sections=sections)
        duties, links = find_duties(text, (extent.body_start, extent.span[1]), sections=sections, actors=actors,
                                    times=times, id_prefix=prefix, table_rows=table_rows)
        stated = {(r.type, r.source, r.target) for r in relations}
        relations += [r for r in links if (r.type, r.source, r.target) not in stated]
        plans.append(Plan(id=f"p{i}", title=extent.title, issuer=extent.issuer, span=extent.span,
                          sections=tuple(sections), actors=tuple(actors), times=tuple(times),
                          phases=tuple(phases), duties=tuple(duties), relations=tuple(relations),
                          title_span=extent.title_span))
    source = Source(src.path, src.format, src.encoding, src.sha256, src.size_bytes)
    return Document(source=source, text=text, plans=tuple(plans), warnings=tuple(warnings), offsets=norm.offsets,
                    changes=norm.changes)


@with_collector_paused
def parse(path: str | Path, year: int | None = None) -> Document:
    """Read and parse one plan file (.txt .docx .pdf .html .md .doc)."""
    return build_document(read(path), year)


def parse_text(text: str, name: str = "<text>", year: int | None = None) -> Document:
    """Parse a plan given as a string, as if read from a UTF-8 .txt file called `name`."""
    data = text.encode("utf-8")
    blocks: tuple[Block, ...] = tuple(line_blocks(text))
    src = SourceDocument(path=name, format="txt", encoding="utf-8", sha256=hashlib.sha256(data).hexdigest(),
                         size_bytes=len(data), blocks=blocks)
    return build_document(src, year)
