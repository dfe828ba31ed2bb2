"""Actors and the plan's own organisation."""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Actor, Relation, Section, Span
from .mentions import Mention, find_mentions
from .organisation import Organisation, read_organisation
from .resolve import Cluster, resolve

__all__ = ["find_actors", "find_mentions", "Mention", "read_organisation", "Organisation"]


def _canonical(c: Cluster) -> str:
    """The fullest name: the one an organisation statement gives (…领导小组办公室) or the longest used."""
    return max(c.names, key=lambda n: (len(n), c.names[n]))


def find_actors(text: str, span: Span, *, issuer: str | None, id_prefix: str,
                sections: Sequence[Section] = ()) -> tuple[list[Actor], list[Relation]]:
    """The plan's actors (ids `{id_prefix}a1`, ...) and the relations its organisation statements give."""
    lo, hi = span
    mentions = find_mentions(text, lo, hi, [s.heading_span[1] for s in sections])
    org = read_organisation(text, lo, hi, mentions)
    clusters, index = resolve(text, lo, hi, mentions, org, issuer)
    order = sorted(range(len(clusters)), key=lambda i: (min(clusters[i].mentions)[0] if clusters[i].mentions
                                                         else clusters[i].first))
    actors: list[Actor] = []
    actor_id: dict[int, str] = {}
    for n, i in enumerate(order, 1):
        c = clusters[i]
        name = _canonical(c)
        aliases = tuple(sorted((x for x in c.names if x != name), key=lambda x: -c.names[x]))
        actor_id[i] = f"{id_prefix}a{n}"
        actors.append(Actor(actor_id[i], name, c.kind, aliases, tuple(sorted(set(c.mentions)))))

    def ref(name: str) -> str | None:
        i = index.get(name)
        return actor_id.get(i) if i is not None else None

    relations: list[Relation] = []
    seen: set[tuple[str, str, str, str | None]] = set()

    def relate(kind: str, source: str, target: str, role: str | None, at: Span | None) -> None:
        s, t = ref(source), ref(target)
        if s is None or t is None or s == t or (kind, s, t, role) in seen:
            return
        seen.add((kind, s, t, role))
        relations.append(Relation(kind, s, t, role, None, at))

    for member, group, role in org.members:
        relate("member_of", member.name, group, role, member.span)
    for part, whole, at in org.part_of:
        relate("part_of", part, whole, None, at)
    for office, host, at in org.located_in:
        relate("located_in", office, host, None, at)
    return actors, relations
