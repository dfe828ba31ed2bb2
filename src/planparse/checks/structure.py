"""Rules on the plan's shape: its numbering and its unfilled blanks."""
from __future__ import annotations

from collections.abc import Iterator

from ..model import Section
from .lexicon import placeholder_not_after, placeholder_pattern
from .registry import Context, Hit, rule


@rule("numbering-skip")
def numbering_skip(ctx: Context) -> Iterator[Hit]:
    siblings: dict[tuple[str | None, str], list[Section]] = {}
    for section in ctx.plan.sections:
        if section.number is not None:
            siblings.setdefault((section.parent, section.scheme), []).append(section)
    following = {a.id: b for run in siblings.values() for a, b in zip(run, run[1:], strict=False)}
    numbered = {s.id: s for run in siblings.values() for s in run}
    for run in siblings.values():
        for before, after in zip(run, run[1:], strict=False):
            # A list that starts again at 1 (or runs backwards) is a new list whose own heading the
            # section finder did not see, not a numbering slip.
            if after.number == before.number and after.number > 1:
                # A heading the text lost (二、… 四、) folds the list that stood under it into the
                # part before, where its numbers go on from the ones already there; the skip above
                # reports that loss once.
                part = numbered.get(after.parent or "")
                if part is not None and part.id in following and following[part.id].number > part.number + 1:
                    continue
                yield Hit(f"heading {after.label}{after.title} repeats the number of {before.label}{before.title}",
                          after.heading_span, (before.id, after.id), after.id)
            elif after.number > before.number + 1:
                yield Hit(f"heading {after.label}{after.title} follows {before.label}{before.title}: "
                          f"{after.number - before.number - 1} number(s) skipped",
                          after.heading_span, (before.id, after.id), after.id)


@rule("placeholder")
def placeholder(ctx: Context) -> Iterator[Hit]:
    blank_times = [t for t in ctx.plan.times if t.placeholder]
    for time in blank_times:
        yield Hit(f"the date 「{time.text}」 is left blank", time.span, (time.id,))
    if ctx.text is None:
        # Without the text, the names are where a blank shows.
        for actor in ctx.plan.actors:
            if actor.mentions and placeholder_pattern().search(actor.name):
                yield Hit(f"the name 「{actor.name}」 is left blank", actor.mentions[0], (actor.id,))
        return
    start, end = ctx.plan.span
    for m in placeholder_pattern().finditer(ctx.text, start, end):
        if any(t.span[0] <= m.start() < t.span[1] for t in blank_times):
            continue
        # A blank inside quotation marks is a form cited (写成“关于××的通知”), not one left unfilled.
        line = ctx.text[ctx.text.rfind("\n", start, m.start()) + 1:m.start()]
        rest = ctx.text[m.end():ctx.text.find("\n", m.end()) % (len(ctx.text) + 1)]
        if line.count("“") > line.count("”") or "”" in rest.split("“", 1)[0]:
            continue
        before = ctx.text[max(start, m.start() - 6):m.start()]
        if any(before.rstrip("：: ").endswith(w) for w in placeholder_not_after()):
            continue
        shown = ctx.text[max(start, m.start() - 8):min(end, m.end() + 8)].replace("\n", " ")
        yield Hit(f"「{m.group()}」 is an unfilled blank: 「…{shown}…」", (m.start(), m.end()))
