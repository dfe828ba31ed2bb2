"""A CJK font for matplotlib, so that Chinese labels are drawn as characters and not as empty boxes.

The families listed in data/display.json are tried in order among the fonts matplotlib knows; when
none is there, fontconfig is asked for any font that covers Chinese (`fc-list :lang=zh`) and that
file is added to matplotlib. With no CJK font on the machine the pictures are still drawn, with a
CJKFontWarning that says what to install.
"""
from __future__ import annotations

import logging
import shutil
import subprocess
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from .config import settings


class CJKFontWarning(UserWarning):
    """No font on the machine draws Chinese: labels will show as boxes."""


@cache
def cjk_family() -> str | None:
    """The family name of the CJK font the pictures use, or None (with a warning) when there is none."""
    from matplotlib import font_manager

    # CJK fonts often come in one weight only (WenQuanYi Zen Hei is 500); matplotlib logs each
    # weight it has to stand in for, which says nothing a reader can act on.
    logging.getLogger("matplotlib.font_manager").addFilter(
        lambda record: not record.getMessage().startswith("findfont: Failed to find font weight"))
    known = {f.name for f in font_manager.fontManager.ttflist}
    for family in settings("cjk_fonts")["families"]:
        if family in known:
            return family
    for path in _fontconfig_cjk_files():
        try:
            font_manager.fontManager.addfont(path)
        except (OSError, RuntimeError, ValueError):
            continue
        return font_manager.FontProperties(fname=path).get_name()
    warnings.warn("no CJK font found: Chinese labels will show as boxes; install one, e.g. "
                  "`apt-get install fonts-wqy-zenhei` or `fonts-noto-cjk`", CJKFontWarning, stacklevel=2)
    return None


def _fontconfig_cjk_files() -> list[str]:
    if shutil.which("fc-list") is None:
        return []
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted({line.split(":")[0].strip() for line in out.splitlines() if line.strip()})


@contextmanager
def cjk_rc() -> Iterator[None]:
    """matplotlib settings for a picture with Chinese text: the CJK font first, a Latin one after it
    for the glyphs it lacks, and SVG text drawn as paths so that a reader needs no font of their own."""
    import matplotlib as mpl

    family = cjk_family()
    fonts = [f for f in (family, settings("cjk_fonts")["latin_fallback"]) if f]
    with mpl.rc_context({"font.family": fonts, "axes.unicode_minus": False, "svg.fonttype": "path"}):
        yield
