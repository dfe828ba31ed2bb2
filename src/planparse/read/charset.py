"""Turn bytes into text: byte-order mark, then the declared charset, then detection.

Chinese pages and text files declare GB2312 or GBK and then use characters outside it
(人名, 生僻字, the euro sign); GB18030 is the superset of both, so the whole GB family is
always decoded as GB18030 and nothing that a browser would show is lost.
"""
from __future__ import annotations

import codecs

import charset_normalizer

GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030", "cp936", "ms936", "euc_cn", "x-gbk", "gb_2312_80"})

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Declared names that Python's codec registry does not know but pages use.
_ALIASES = {"x-gbk": "gb18030", "gb_2312-80": "gb18030", "x-euc-cn": "gb18030", "unicode": "utf-16"}

# Chinese pages made with Western tools often declare Latin-1 over GBK bytes; such a
# declaration says nothing about the bytes, so detection decides.
_WESTERN = frozenset({"ascii", "iso8859-1", "cp1252"})

# How much text the detector and the plausibility check look at: enough to decide, cheap on
# a 50 MB file.
_PROBE_BYTES = 64 * 1024


def normalise_encoding(name: str | None) -> str | None:
    """Python's canonical codec name for a declared charset (GB family -> gb18030), or None."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        canonical = codecs.lookup(label).name
    except LookupError:
        return None
    if canonical in GB_FAMILY or label in GB_FAMILY:
        return "gb18030"
    return canonical


def _bom(data: bytes) -> tuple[str, int] | None:
    for mark, codec in _BOMS:
        if data.startswith(mark):
            return codec, len(mark)
    return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _has_multibyte_utf8(data: bytes) -> bool:
    # Valid UTF-8 that holds non-ASCII characters is almost never legacy CJK text by chance:
    # GBK byte pairs rarely form valid UTF-8 sequences for long.
    probe = data[:_PROBE_BYTES]
    if not any(b >= 0x80 for b in probe):
        return False
    try:
        probe.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A probe cut inside a character is still UTF-8.
        return exc.start >= len(probe) - 3 and exc.reason == "unexpected end of data"
    return True


def _gb2312_share(text: str) -> float:
    """Share of the non-ASCII characters that are in GB2312, i.e. common simplified Chinese."""
    wide = [ch for ch in text[:20000] if ord(ch) > 0x7F]
    if not wide:
        return 0.0
    common = 0
    for ch in wide:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 1
    return common / len(wide)


def _detect(data: bytes) -> str | None:
    best = charset_normalizer.from_bytes(data[:_PROBE_BYTES]).best()
    detected = normalise_encoding(best.encoding) if best is not None else None
    gb_text = _strict(data, "gb18030")
    if detected is None or detected == "gb18030":
        return "gb18030" if gb_text is not None else detected
    detected_text = _strict(data, detected)
    if detected_text is None:
        return "gb18030" if gb_text is not None else None
    # On a few dozen bytes the detector may take GBK for Big5 or Shift-JIS; planparse reads
    # mainland documents, so a decoding that yields common simplified Chinese wins.
    if gb_text is not None and _gb2312_share(gb_text) > _gb2312_share(detected_text):
        return "gb18030"
    return detected


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode `data`; return the text and the codec used. Never raises: bytes that no codec
    fits are replaced by U+FFFD under UTF-8, so that callers can count them.

    Order: a byte-order mark; then `declared` (a charset named by the file itself) unless
    the bytes contradict it; then UTF-8; then detection.
    """
    bom = _bom(data)
    if bom is not None:
        codec, size = bom
        return data[size:].decode(codec, errors="replace"), codec
    wanted = normalise_encoding(declared)
    if wanted is not None and wanted not in _WESTERN:
        if wanted != "utf-8" and _has_multibyte_utf8(data):
            return data.decode("utf-8", errors="replace"), "utf-8"
        text = _strict(data, wanted)
        if text is not None:
            return text, wanted
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    detected = _detect(data)
    if detected is not None:
        return data.decode(detected, errors="replace"), detected
    return data.decode("utf-8", errors="replace"), "utf-8"
