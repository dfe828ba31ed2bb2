"""Word's formatting markup cut out of document.xml's bytes before it is parsed.

Most of a Word body's elements say how text looks (fonts, sizes, borders, cell widths:
data/docx_formatting.json), and the reader never looks at them; yet each costs an allocation
to build and another to free, and a long table's cells hold hundreds of thousands. The cut is
made on the bytes, where it is cheap, and only where it cannot touch text:

- an element is cut only in its empty form (`<w:sz w:val="21"/>`), whose attribute values hold
  no `>`, and a listed container only once it is empty (`<w:rPr></w:rPr>`);
- text cannot hold a raw `<`, so no text is cut; a body with CDATA sections, where it can, is
  left whole, as is one where the prefix w is not WordprocessingML's.

The caller parses the original bytes where the cut ones do not parse.
"""
from __future__ import annotations

import re
from functools import cache

from ..datafiles import load_json
from ..wordtrie import word_pattern
from .numbering import W_NS

_W_PREFIX = f'xmlns:w="{W_NS}"'.encode()


@cache
def formatting() -> dict:
    return load_json("docx_formatting.json")


@cache
def _patterns() -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    data = formatting()
    names, containers = word_pattern(data["empty_elements"]), word_pattern(data["containers"])
    return (re.compile(rf"<w:{names}(?=[\s/])[^>]*/>".encode()),
            re.compile(rf"<w:({containers})>\s*</w:\1>".encode()))


def without_formatting(xml: bytes) -> bytes:
    """`xml` (a WordprocessingML part) without its formatting elements; unchanged where the
    cut would not be safe."""
    if _W_PREFIX not in xml or b"<![CDATA[" in xml:
        return xml
    empty, container = _patterns()
    return container.sub(b"", empty.sub(b"", xml))
