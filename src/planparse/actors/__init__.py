"""Actors and the plan's own organisation."""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Actor, Relation, Section, Span


def find_actors(text: str, span: Span, *, issuer: str | None, id_prefix: str,
                sections: Sequence[Section] = ()) -> tuple[list[Actor], list[Relation]]:
    """The plan's actors (ids `{id_prefix}a1`, ...) and the relations its organisation statements give."""
    return [], []
