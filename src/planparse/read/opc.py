"""The parts of an Office package (Open Packaging Conventions) that a Word reader needs.

A .docx is a zip of XML parts: `[Content_Types].xml` gives each part's content type, and
relationship parts (`_rels/.rels`, `word/_rels/document.xml.rels`) lead from the package to
its main document and from there to its styles and numbering. Only those three parts are
parsed, into plain lxml trees: a whole-package loader parses every part into objects that
point back at each other, so a long document's tree then outlives its reading until the
cyclic garbage collector runs, and is freed more slowly when it does.

Package XML is trusted no further than it is checked: a content-types or relationships part
with the wrong root or a relationship without its target makes the file corrupt, as does a
main part of another content type (a workbook, a template) or two styles parts.
"""
from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import CorruptFileError

_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
OFFICE_DOCUMENT, STYLES, NUMBERING = (_RT + t for t in ("officeDocument", "styles", "numbering"))
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
DOCUMENT_MAIN, STYLES_PART, NUMBERING_PART = (
    _CT + t for t in ("document.main+xml", "styles+xml", "numbering+xml"))
_EXTERNAL = "External"


def _parser() -> etree.XMLParser:
    # Blank text between elements is dropped, as Word's own reading of the XML ignores it. No DTD
    # is loaded and nothing fetched; parts declaring one are refused before they get here.
    return etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True,
                           huge_tree=False, load_dtd=False)


@dataclass(frozen=True)
class WordParts:
    """The main document's root element and those of its styles and numbering, where it has them."""

    document: etree._Element
    styles: etree._Element | None
    numbering: etree._Element | None


def word_parts(path: Path, members: Mapping[str, bytes],
               trim: Callable[[bytes], bytes] | None = None) -> WordParts:
    """Find and parse the main document, styles and numbering among a package's XML `members`
    (zip member name to bytes). `trim` cuts from the main document's bytes what the caller will
    not read; where its result does not parse, the bytes as they are are parsed."""
    package = _Package(path, members)
    main = package.related_part("/", OFFICE_DOCUMENT)
    if main is None:
        raise package.corrupt("the package names no main document")
    content_type = package.content_type(main)
    if content_type != DOCUMENT_MAIN:
        raise package.corrupt(f"its main part {main} is a {content_type}, not a Word document")
    styles = package.related_part(main, STYLES)
    numbering = package.related_part(main, NUMBERING)
    return WordParts(
        document=package.root(main, trim),
        styles=package.root(styles) if package.holds(styles, STYLES_PART) else None,
        numbering=package.root(numbering) if package.holds(numbering, NUMBERING_PART) else None,
    )


class _Package:
    def __init__(self, path: Path, members: Mapping[str, bytes]):
        self.path = path
        self.members = members
        self.parser = _parser()
        self._defaults: dict[str, str] = {}
        self._overrides: dict[str, str] = {}
        self._read_content_types()

    def corrupt(self, why: str) -> CorruptFileError:
        return CorruptFileError(self.path, f"not a readable Word document ({why})")

    def root(self, partname: str, trim: Callable[[bytes], bytes] | None = None) -> etree._Element:
        """The parsed XML of a part (a partname such as /word/document.xml)."""
        data = self.members.get(partname[1:])
        if data is None:
            raise self.corrupt(f"part {partname} is named but not in the archive")
        if trim is not None:
            trimmed = trim(data)
            if trimmed is not data:
                try:
                    return etree.fromstring(trimmed, self.parser)
                except etree.XMLSyntaxError:
                    pass
        return self._parse(f"part {partname}", data)

    def holds(self, partname: str | None, content_type: str) -> bool:
        """The part exists and is of `content_type`: a related part missing from the archive,
        or of a type not asked for, is left out rather than failing the whole document."""
        return partname is not None and partname[1:] in self.members and \
            self.content_type(partname) == content_type

    def content_type(self, partname: str) -> str:
        found = self._overrides.get(partname.lower())
        if found is None:
            found = self._defaults.get(posixpath.splitext(partname)[1][1:].lower())
        if found is None:
            raise self.corrupt(f"no content type for part {partname} in [Content_Types].xml")
        return found

    def related_part(self, source: str, reltype: str) -> str | None:
        """The partname that the one relationship of `reltype` from `source` ("/" for the
        package itself) points at; None where there is none."""
        directory, name = posixpath.split(source)
        rels = self.members.get(posixpath.join(directory, "_rels", name + ".rels").lstrip("/"))
        if rels is None:
            return None
        found = []
        for rel in self._relationships(source, rels):
            if rel.get("Type") != reltype or rel.get("TargetMode") == _EXTERNAL:
                continue
            target = rel.get("Target")
            if not target:
                raise self.corrupt(f"a relationship of {source} has no target")
            found.append(posixpath.normpath(posixpath.join(directory, target)))
        if len(found) > 1:
            raise self.corrupt(f"{len(found)} relationships of type {reltype.rsplit('/', 1)[-1]} from {source}")
        return found[0] if found else None

    def _relationships(self, source: str, data: bytes) -> list[etree._Element]:
        root = self._parse(f"the relationships of {source}", data)
        if root.tag != f"{{{_RELS_NS}}}Relationships":
            raise self.corrupt(f"the relationships of {source} are a {root.tag}")
        return list(root.iterchildren(f"{{{_RELS_NS}}}Relationship"))

    def _read_content_types(self) -> None:
        data = self.members.get("[Content_Types].xml")
        if data is None:
            raise self.corrupt("it has no [Content_Types].xml")
        root = self._parse("[Content_Types].xml", data)
        if root.tag != f"{{{_CT_NS}}}Types":
            raise self.corrupt(f"[Content_Types].xml holds a {root.tag}")
        for entry in root:
            kind, content_type = entry.tag, entry.get("ContentType")
            if kind == f"{{{_CT_NS}}}Default":
                key, table = entry.get("Extension"), self._defaults
            elif kind == f"{{{_CT_NS}}}Override":
                key, table = entry.get("PartName"), self._overrides
            else:
                continue
            if not key or content_type is None:
                raise self.corrupt("[Content_Types].xml has an entry without its extension, "
                                   "part name or content type")
            table[key.lower()] = content_type

    def _parse(self, what: str, data: bytes) -> etree._Element:
        try:
            return etree.fromstring(data, self.parser)
        except etree.XMLSyntaxError as exc:
            raise self.corrupt(f"{what} is not well-formed XML: {exc}") from exc
