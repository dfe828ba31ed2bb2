"""Actors, duties, times and relations of two sides matched one to one, and what is only in one side.

Actors match on their normalised names and aliases (names.actor_key), then on close spelling; duties on
the wording of the action; times on their TIMEX3 value; relations on their type and the matched names of
both ends. Each matched side is given the same canonical key, which the graph difference uses."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process
from scipy.optimize import linear_sum_assignment

from ..model import Actor, Duty, TimeExpression
from .align import Alignment
from .config import settings
from .names import actor_key, plain
from .sides import Side


@dataclass(frozen=True)
class EntityRef:
    id: str | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text}


@dataclass(frozen=True)
class EntityMatch:
    """Two items taken for the same; `changes` holds what differs between them, as (in A, in B)."""

    a: EntityRef
    b: EntityRef
    score: float
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a.to_dict(), "b": self.b.to_dict(), "score": round(self.score, 3),
                "changes": {k: list(v) for k, v in self.changes.items()}}


@dataclass(frozen=True)
class EntityDiff:
    matched: tuple[EntityMatch, ...]
    only_a: tuple[EntityRef, ...]
    only_b: tuple[EntityRef, ...]

    @property
    def jaccard(self) -> float | None:
        union = len(self.matched) + len(self.only_a) + len(self.only_b)
        return len(self.matched) / union if union else None

    def to_dict(self) -> dict[str, Any]:
        return {"matched": [m.to_dict() for m in self.matched], "only_a": [r.to_dict() for r in self.only_a],
                "only_b": [r.to_dict() for r in self.only_b]}


@dataclass
class Canon:
    """The key of each item id of A and of B under which the two sides are compared."""

    a: dict[str, str] = field(default_factory=dict)
    b: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Entities:
    actors: EntityDiff
    duties: EntityDiff
    times: EntityDiff
    relations: EntityDiff
    canon: Canon


def match_entities(a: Side, b: Side, sections: Alignment) -> Entities:
    canon = Canon()
    for pair in sections.pairs:
        canon.a[pair.a.id] = canon.b[pair.b.id] = "section:" + plain(pair.a.title)
    for only, keys in ((sections.only_a, canon.a), (sections.only_b, canon.b)):
        keys.update((s.id, "section:" + plain(s.title)) for s in only)
    actors = _actors(a.actors, b.actors, canon)
    times = _times(a.times, b.times, canon)
    duties = _duties(a, b, canon)
    relations = _relations(a, b, canon)
    return Entities(actors, duties, times, relations, canon)


def _assign(score: np.ndarray, minimum: float) -> list[tuple[int, int]]:
    if score.size == 0:
        return []
    # Pairs under the threshold are out before the assignment: else two of them may outweigh one good pair.
    rows, cols = linear_sum_assignment(np.where(score >= minimum, score, 0), maximize=True)
    return sorted((int(i), int(j)) for i, j in zip(rows, cols, strict=True) if score[i, j] >= minimum)


def _diff(pairs: list[tuple[int, int]], a: list[EntityRef], b: list[EntityRef], score: np.ndarray,
          changes: list[dict[str, tuple[Any, Any]]] | None = None) -> EntityDiff:
    ia, ib = {i for i, _ in pairs}, {j for _, j in pairs}
    return EntityDiff(tuple(EntityMatch(a[i], b[j], float(score[i, j]), changes[n] if changes else {})
                            for n, (i, j) in enumerate(pairs)),
                      tuple(r for i, r in enumerate(a) if i not in ia), tuple(r for j, r in enumerate(b) if j not in ib))


def _names(actor: Actor) -> set[str]:
    return {k for k in map(actor_key, (actor.name, *actor.aliases)) if k}


def _actors(aa: tuple[Actor, ...], bb: tuple[Actor, ...], canon: Canon) -> EntityDiff:
    cfg = settings("entities")
    keys_a, keys_b = [actor_key(x.name) for x in aa], [actor_key(x.name) for x in bb]
    names_a, names_b = [_names(x) for x in aa], [_names(x) for x in bb]
    score = np.zeros((len(aa), len(bb)))
    if aa and bb:
        spelling = process.cdist(keys_a, keys_b, scorer=fuzz.ratio) / 100
        score = np.where(spelling >= cfg["actor_fuzzy"], spelling * cfg["alias_score"], 0.0)
        for i, j in zip(*np.nonzero([[bool(x & y) for y in names_b] for x in names_a]), strict=True):
            score[i, j] = 1.0 if keys_a[i] == keys_b[j] else max(score[i, j], cfg["alias_score"])
        # A placeholder (XXX) names nobody in particular: it matches no one.
        score[[not k for k in keys_a], :] = 0
        score[:, [not k for k in keys_b]] = 0
    pairs = _assign(score, cfg["actor_fuzzy"] * cfg["alias_score"])
    for x, key in zip(aa, keys_a, strict=True):
        canon.a[x.id] = "actor:" + (key or plain(x.name))
    for x, key in zip(bb, keys_b, strict=True):
        canon.b[x.id] = "actor:" + (key or plain(x.name))
    for i, j in pairs:
        canon.b[bb[j].id] = canon.a[aa[i].id]
    return _diff(pairs, [EntityRef(x.id, x.name) for x in aa], [EntityRef(x.id, x.name) for x in bb], score)


def _time_key(t: TimeExpression) -> str:
    return f"{t.type}:{t.value}" if t.value else f"{t.type}:{plain(t.text)}"


def _times(aa: tuple[TimeExpression, ...], bb: tuple[TimeExpression, ...], canon: Canon) -> EntityDiff:
    keys_a, keys_b = [_time_key(t) for t in aa], [_time_key(t) for t in bb]
    # The same time in the same part of the plan is preferred over the same time elsewhere.
    score = np.array([[(ka == kb) * (1.0 + 0.1 * (ta.role == tb.role)) for kb, tb in zip(keys_b, bb, strict=True)]
                      for ka, ta in zip(keys_a, aa, strict=True)]).reshape(len(aa), len(bb))
    pairs = _assign(score, 1.0)
    for t, key in zip(aa, keys_a, strict=True):
        canon.a[t.id] = "time:" + key
    for t, key in zip(bb, keys_b, strict=True):
        canon.b[t.id] = "time:" + key
    return _diff(pairs, [EntityRef(t.id, t.text) for t in aa], [EntityRef(t.id, t.text) for t in bb],
                 np.minimum(score, 1.0))


def _assignees(duty: Duty, names: dict[str, str]) -> list[str]:
    return sorted(f"{names.get(x.actor, x.actor)}({x.role})" for x in duty.assignees)


def _duties(a: Side, b: Side, canon: Canon) -> EntityDiff:
    aa, bb = a.duties, b.duties
    score = np.zeros((len(aa), len(bb)))
    if aa and bb:
        score = process.cdist([plain(d.action) for d in aa], [plain(d.action) for d in bb], scorer=fuzz.ratio) / 100
    pairs = _assign(score, settings("entities")["duty_min"])
    names_a, names_b = {x.id: x.name for x in a.actors}, {x.id: x.name for x in b.actors}
    times_a, times_b = {t.id: t.text for t in a.times}, {t.id: t.text for t in b.times}
    changes = []
    for i, j in pairs:
        da, db = aa[i], bb[j]
        change: dict[str, tuple[Any, Any]] = {}
        who_a = {(canon.a[x.actor], x.role) for x in da.assignees if x.actor in canon.a}
        who_b = {(canon.b[x.actor], x.role) for x in db.assignees if x.actor in canon.b}
        # Compared by canonical key (县教育局 = 教育局), shown as each plan names them.
        if who_a != who_b:
            change["assignees"] = (_assignees(da, names_a), _assignees(db, names_b))
        due_a, due_b = da.deadline and canon.a.get(da.deadline), db.deadline and canon.b.get(db.deadline)
        if due_a != due_b:
            change["deadline"] = (times_a.get(da.deadline or ""), times_b.get(db.deadline or ""))
        if da.modality != db.modality:
            change["modality"] = (da.modality, db.modality)
        changes.append(change)
    for d in aa:
        canon.a[d.id] = "duty:" + plain(d.action)
    for d in bb:
        canon.b[d.id] = "duty:" + plain(d.action)
    for i, j in pairs:
        canon.b[bb[j].id] = canon.a[aa[i].id]
    return _diff(pairs, [EntityRef(d.id, d.action) for d in aa], [EntityRef(d.id, d.action) for d in bb], score,
                 changes)


def _relation_refs(side: Side, canon: dict[str, str]) -> list[tuple[tuple[str, str, str], EntityRef]]:
    names = {x.id: x.name for x in side.actors}
    out = []
    for r in side.relations:
        role = f"（{r.role}）" if r.role else ""
        text = f"{names.get(r.source, r.source)} —{r.type}{role}→ {names.get(r.target, r.target)}"
        out.append(((r.type, canon.get(r.source, r.source), canon.get(r.target, r.target)), EntityRef(None, text)))
    return out


def _relations(a: Side, b: Side, canon: Canon) -> EntityDiff:
    ra, rb = _relation_refs(a, canon.a), _relation_refs(b, canon.b)
    waiting: dict[tuple[str, str, str], list[int]] = {}
    for j, (key, _) in enumerate(rb):
        waiting.setdefault(key, []).append(j)
    pairs = [(i, waiting[key].pop(0)) for i, (key, _) in enumerate(ra) if waiting.get(key)]
    score = np.ones((len(ra), len(rb)))
    return _diff(sorted(pairs), [r for _, r in ra], [r for _, r in rb], score)
