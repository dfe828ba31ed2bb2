"""The figure class of plan pictures: a matplotlib Figure that Jupyter shows as a PNG by itself.

Jupyter shows a plain Figure as a picture only once pyplot has set up its inline backend; the
pictures are made without pyplot (so that nothing keeps them alive in pyplot's registry), so they
carry their own `_repr_png_`.
"""
from __future__ import annotations

import io

from matplotlib.figure import Figure


class PlanFigure(Figure):
    def _repr_png_(self) -> bytes:
        buf = io.BytesIO()
        self.savefig(buf, format="png", dpi=100)
        return buf.getvalue()
