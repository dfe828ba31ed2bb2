"""Small plans built by hand for the duty tests: actors placed at every occurrence of their names."""
from __future__ import annotations

import re

from planparse.duties import find_duties
from planparse.model import Actor, Duty, Relation, Section


def actors_named(text: str, names: list[str]) -> list[Actor]:
    """One actor per name, mentioned wherever the name occurs (a longer name wins an overlap)."""
    taken: list[tuple[int, int]] = []
    out = []
    for n, name in enumerate(sorted(set(names), key=len, reverse=True), 1):
        spans = []
        for m in re.finditer(re.escape(name), text):
            if all(m.end() <= s or m.start() >= e for s, e in taken):
                spans.append((m.start(), m.end()))
        taken += spans
        out.append(Actor(f"t.a{n}", name, "unit", (), tuple(spans)))
    return out


def run(text: str, names: list[str], sections: tuple[Section, ...] = ()) -> tuple[list[Duty], list[Relation], dict[str, str]]:
    actors = actors_named(text, names)
    duties, relations = find_duties(text, (0, len(text)), sections=sections, actors=actors, times=(),
                                    id_prefix="t.")
    return duties, relations, {a.id: a.name for a in actors}


def actions(text: str, names: list[str] = (), sections: tuple[Section, ...] = ()) -> list[str]:
    return [d.action for d in run(text, list(names), sections)[0]]
