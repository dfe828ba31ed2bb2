"""Rules on the deadlines of duties."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Duty, Section, Span
from .clauses import DIRECTING, owners_here
from .dates import phase_days, time_days
from .lexicon import clause_openers, directing_modals, own_list, words
from .registry import Context, Hit, rule


def _dated(ctx: Context, duty: Duty) -> bool:
    """Whether the duty is due by a stated day (于3月31日前), not at a vague or blank time."""
    time = ctx.times.get(duty.deadline or "")
    return time is not None and (time.role == "deadline" or time.mod == "BEFORE") and time_days(time) is not None


def _directed(ctx: Context, duty: Duty) -> bool:
    return duty.modality in DIRECTING or bool(owners_here(ctx, duty))


def _families(ctx: Context) -> dict[str | None, list[Duty]]:
    """The directed duties by family: a section's own, and those of the items of a list (（一）（二）…)
    whose items have no items of their own, together, keyed by the list's parent."""
    parent = {s.id: s.parent for s in ctx.plan.sections}
    has_items = set(parent.values())
    families: dict[str | None, list[Duty]] = {}
    for duty in ctx.plan.duties:
        if _directed(ctx, duty):
            families.setdefault(_family_key(duty, parent, has_items), []).append(duty)
    return families


def _family_key(duty: Duty, parent: dict[str, str | None], has_items: set[str | None]) -> str | None:
    own = parent.get(duty.section or "")
    return f"items of {own}" if duty.section not in has_items and own is not None else duty.section


def _reactive(ctx: Context, duty: Duty, sentence: Span) -> bool:
    """Whether the duty answers an event (发现…及时报告, 对涉嫌…的，及时立案): it can have no date."""
    head = ctx.words((sentence[0], duty.span[1]))
    clauses = re.split("[，,：:]", head)
    return any(w in head for w in words("conditions")) or any(c.endswith(("的", "时", "后")) for c in clauses[:-1])


def _vague_word(ctx: Context, duty: Duty, vague: tuple[str, ...]) -> str | None:
    """The vague time word at the head of the duty's predicate (要尽快完成, 及时上报), not one inside a
    noun (限期达标规划)."""
    text = ctx.text if ctx.text is not None else duty.action
    lo, hi = (duty.span if ctx.text is not None else (0, len(text)))
    heads = ("", *directing_modals(), *words("responsibility_verbs"), *clause_openers(), "责令", "予以")
    for word in vague:
        at = text.find(word, lo, hi)
        if at < 0:
            continue
        before = re.split("[，,：:。；]", text[lo:at])[-1]
        if before.endswith(tuple(own_list("vague_deadlines", "not_after"))):
            continue
        names = [form for a in duty.assignees if a.actor in ctx.actors
                 for form in (ctx.actors[a.actor].name, *ctx.actors[a.actor].aliases)]
        for name in sorted(names, key=len, reverse=True):
            before = before.replace(name, "")
        if any(before.endswith(h) for h in heads if h) or not before.strip():
            return word
    return None


@rule("vague-deadline")
def vague_deadline(ctx: Context) -> Iterator[Hit]:
    vague = words("vague_deadlines")
    marks = words("sentence_marks")
    parent = {s.id: s.parent for s in ctx.plan.sections}
    has_items = set(parent.values())
    families = _families(ctx)
    directed = {d.id for family in families.values() for d in family}
    dated_in = {key: [d for d in family if _dated(ctx, d)] for key, family in families.items()}
    for duty in ctx.plan.duties:
        if duty.deadline or duty.id not in directed:
            continue
        key = _family_key(duty, parent, has_items)
        dated = dated_in.get(key, [])
        family_size = len(families.get(key, ())) - 1
        if not dated:
            continue
        sentence = ctx.sentence(duty.span, marks)
        # A date written once in a sentence often covers every clause of it.
        if any(sentence[0] <= d.span[0] < sentence[1] for d in dated) or _reactive(ctx, duty, sentence):
            continue
        refs = (duty.id, *(d.deadline for d in dated[:3] if d.deadline))
        word = _vague_word(ctx, duty, vague)
        if word:
            yield Hit(f"the duty 「{duty.action}」 is due only 「{word}」 while the duties beside it have dates",
                      duty.span, refs)
        elif len(dated) >= 2 and 2 * len(dated) > family_size:
            yield Hit(f"the duty 「{duty.action}」 has no deadline while most duties beside it have dates",
                      duty.span, refs)


def _within(section: str | None, ancestor: str | None, sections: dict[str, Section]) -> bool:
    while section is not None:
        if section == ancestor:
            return True
        section = sections[section].parent if section in sections else None
    return False


@rule("deadline-after-end")
def deadline_after_end(ctx: Context) -> Iterator[Hit]:
    sections = {s.id: s for s in ctx.plan.sections}
    spans = {p.id: phase_days(p, ctx.times) for p in ctx.plan.phases}
    dated = {pid: days for pid, days in spans.items() if days}
    # The plan ends with its last phase, where every phase is dated.
    plan_end = max(d[1] for d in dated.values()) if dated and len(dated) == len(spans) else None
    for duty in ctx.plan.duties:
        time = ctx.times.get(duty.deadline or "")
        days = time_days(time) if time else None
        if days is None:
            continue
        due = days[0] if time.mod == "BEFORE" else days[1]
        phase = next((p for p in ctx.plan.phases if p.id in dated and p.section
                      and _within(duty.section, p.section, sections)), None)
        if phase is not None and due > dated[phase.id][1]:
            yield Hit(f"the duty 「{duty.action}」 is due {time.text}, after its phase {phase.name} ends "
                      f"({dated[phase.id][1].isoformat()})", duty.span, (duty.id, time.id, phase.id))
        elif phase is None and plan_end is not None and due > plan_end:
            yield Hit(f"the duty 「{duty.action}」 is due {time.text}, after the plan's last phase ends "
                      f"({plan_end.isoformat()})", duty.span, (duty.id, time.id))
