"""The comparison as a diff a person reads: `=` same, `~` changed, `-` only in A, `+` only in B."""
from __future__ import annotations

from .align import Alignment, SectionRef
from .entities import EntityDiff
from .pair import Comparison

_SHOWN = 60


def _cut(text: str, n: int = _SHOWN) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= n else flat[:n - 1] + "…"


def _section_rows(aligned: Alignment) -> list[str]:
    """A's sections in order, each B-only section placed before the first pair that comes after it in B."""
    rows: list[str] = []
    b_order = {s.id: n for n, s in enumerate(sorted((*[p.b for p in aligned.pairs], *aligned.only_b),
                                                    key=lambda s: _number(s.id)))}
    waiting = sorted(aligned.only_b, key=lambda s: b_order[s.id])
    only_a = {s.id for s in aligned.only_a}
    pairs = {p.a.id: p for p in aligned.pairs}
    for s in sorted((*[p.a for p in aligned.pairs], *aligned.only_a), key=lambda s: _number(s.id)):
        if s.id in only_a:
            rows.append(f"  - {_heading(s)}")
            continue
        p = pairs[s.id]
        while waiting and b_order[waiting[0].id] < b_order[p.b.id]:
            rows.append(f"  + {_heading(waiting.pop(0))}")
        mark = "=" if p.score >= 0.95 else "~"
        moved = "  (moved)" if p.moved else ""
        same = p.a.heading == p.b.heading
        rows.append(f"  {mark} {_heading(p.a)}" + ("" if same else f"  →  {_heading(p.b).lstrip()}")
                    + f"  [{p.score:.2f}]{moved}")
    rows += [f"  + {_heading(s)}" for s in waiting]
    return rows


def _number(item_id: str) -> tuple[int, ...]:
    # Ids are p1.s12: plan and section ordinals, which give document order.
    return tuple(int("".join(c for c in part if c.isdigit()) or 0) for part in item_id.split("."))


def _heading(s: SectionRef) -> str:
    """Numbering and title, indented by depth as in the plan's outline."""
    return "  " * max(s.level - 1, 0) + _cut(f"{s.label or ''}{s.title}", 40)


def _entity_rows(diff: EntityDiff) -> list[str]:
    rows = []
    for m in diff.matched:
        same = m.a.text == m.b.text
        line = f"  {'=' if same and not m.changes else '~'} {_cut(m.a.text)}" + ("" if same else f"  ≈  {_cut(m.b.text)}")
        rows.append(line)
        for what, (in_a, in_b) in m.changes.items():
            rows.append(f"      {what}: {_value(in_a)}  →  {_value(in_b)}")
    rows += [f"  - {_cut(r.text)}" for r in diff.only_a]
    rows += [f"  + {_cut(r.text)}" for r in diff.only_b]
    return rows


def _value(value: object) -> str:
    if isinstance(value, list):
        return "、".join(value) or "(nobody)"
    return "(none)" if value is None else str(value)


def render_text(c: Comparison) -> str:
    a, b = c.a, c.b
    parts = ", ".join(f"{k} {'n/a' if v is None else f'{v:.2f}'}" for k, v in c.parts.items())
    lines = [f"--- A {a.name}  《{a.title or '(several plans)' if a.plans else '(no plan)'}》",
             f"+++ B {b.name}  《{b.title or '(several plans)' if b.plans else '(no plan)'}》",
             f"similarity {c.similarity:.2f}  ({parts})", "",
             f"sections: {len(c.aligned.pairs)} aligned, {len(c.aligned.only_a)} only in A, "
             f"{len(c.aligned.only_b)} only in B", *_section_rows(c.aligned), "",
             f"reused passages: {len(c.reused)}, longest first"]
    for n, p in enumerate(c.reused, 1):
        exact = "" if p.identity >= 1 else f", {p.identity:.0%} same"
        lines.append(f"  [{n}] A {p.a[0]}-{p.a[1]}  B {p.b[0]}-{p.b[1]}  {p.chars} chars{exact}: 「{_cut(p.text)}」")
    for title, diff in (("actors", c.actors), ("duties", c.duties), ("times", c.times),
                        ("relations", c.relations)):
        lines += ["", f"{title}: {len(diff.matched)} matched, {len(diff.only_a)} only in A, "
                      f"{len(diff.only_b)} only in B", *_entity_rows(diff)]
    g = c.graph
    lines += ["", f"graph: {g.shared} edges shared, {len(g.only_a)} only in A, {len(g.only_b)} only in B "
                  f"(distance {g.distance:.2f})"]
    for t, counts in g.by_type.items():
        lines.append(f"  {t}: ={counts['shared']} -{counts['only_a']} +{counts['only_b']}")
    shown = [("-", e) for e in g.only_a if e[0] != "in_section"] + [("+", e) for e in g.only_b if e[0] != "in_section"]
    lines += [f"  {sign} {t} {_cut(s, 30)} → {_cut(g_, 30)}" + (f" ({r})" if r else "") for sign, (t, s, g_, r) in shown]
    return "\n".join(lines) + "\n"
