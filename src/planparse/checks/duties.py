"""Rules on who is given each duty."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Duty
from .clauses import DIRECTING, doerless, own_subject, owners_here
from .lexicon import (
    audiences,
    body_suffixes,
    collective,
    consulting,
    lead_conventions,
    lead_words,
    led_by,
    support_words,
    words,
)
from .registry import Context, Hit, rule

_BODIES = ("unit", "group", "office", "external")


def _quote(duty: Duty) -> str:
    return f"「{duty.action}」"


@rule("orphan-duty")
def orphan_duty(ctx: Context) -> Iterator[Hit]:
    for duty in ctx.plan.duties:
        if duty.assignees or duty.modality not in DIRECTING:
            continue
        # A body named earlier in the same sentence is most likely its doer, one the duty finder did
        # not link; the finding is for a duty the text gives to nobody.
        start, end = ctx.clause(duty.span, words("sentence_marks"))
        # So is one named in the sentence before it in the same paragraph: 各级人民政府要…。要加大…
        # goes on with the same doer.
        before = ctx.clause((start - 1, start - 1), words("sentence_marks"))[0] if start > ctx.plan.span[0] else start
        if ctx.text is not None and ctx.text[start - 1:start] == "\n":
            before = start
        # An audience (考生, 学生) is a doer the actor finder does not list as an actor.
        if ctx.anyone_named_in((before, end)) or not doerless(ctx, duty) \
                or any(w in ctx.words((before, end)) for w in audiences()):
            continue
        yield Hit(f"the duty {_quote(duty)} is given to nobody", duty.span, (duty.id,))


def _listed_after_each(ctx: Context, actor_ids: list[str], sentence: tuple[int, int]) -> bool:
    first = min((m[0] for a in actor_ids for m in ctx.actors[a].mentions if sentence[0] <= m[0] < sentence[1]),
                default=None)
    if first is None:
        return False
    return re.split("[，,：:]", ctx.words((sentence[0], first)))[-1].lstrip().startswith("各")


def _misread(ctx: Context, duty: Duty) -> bool:
    """An action that is a long list (食堂、公寓、库房、…), holds a stray bracket (负责）推广…) or is
    mostly names is a clause the duty finder misread; the check leaves it alone."""
    action = duty.action
    if action.count("、") >= 3 or action.count("）") > action.count("（") or action.endswith(body_suffixes()):
        return True
    for actor in ctx.plan.actors:
        action = action.replace(actor.name, "")
    return len(re.sub(r"[、，,和及与等\s]", "", action)) < 4


def _lead_elsewhere(ctx: Context, duty: Duty, collectives: list) -> bool:
    """Whether the text says who does it after all: a body of its own in the sentence (海事管理机构…，
    有关单位应当配合), a supporting part (配合), one they work under (在事故应急指挥机构统一组织和指挥下),
    which ones (设有气象台站的有关部门, 建设、国土、水利等有关部门, 有关部门接到举报后), a doer listed beside
    them that the actor finder does not know (船舶、有关单位), the duty's clause a subject of its own
    (有关部门建议，贵州省生态建设…要配套实施), or a lead named next to the sentence."""
    sentence = ctx.sentence(duty.span, words("sentence_marks"))
    if duty.action.startswith(support_words()) or own_subject(ctx, duty) or _lead_beside(ctx, sentence):
        return True
    if any(not collective().fullmatch(a.name) and ctx.named_in(a.id, sentence) for a in ctx.plan.actors) \
            or led_by().search(ctx.words(sentence)):
        return True
    ends = {m[1] for a in ctx.plan.actors if a.kind == "collective" for m in a.mentions}
    for start, end in (m for a in collectives for m in a.mentions if sentence[0] <= m[0] < sentence[1]):
        front = re.split("[，,：:]", ctx.words((sentence[0], start)))[-1]
        # A list number (1、各部门) is no doer listed beside them.
        listed = re.search(r"[^\d０-９一二三四五六七八九十）)\s][、和及与]$", front) is not None and start - 1 not in ends
        # An event that befalls them (接到举报后) picks out the ones it befalls.
        if "的" in front or front.endswith("等") or listed or ctx.words((end, sentence[1])).startswith(words("conditions")):
            return True
    return False


def _lead_beside(ctx: Context, sentence: tuple[int, int]) -> bool:
    """Whether the sentence before or after, in the same paragraph, names a lead for the work the
    sentence shares out (各部门要…形成改革合力。国务院办公厅要发挥…牵头抓总作用)."""
    if ctx.text is None:
        return False
    marks = words("sentence_marks")
    near = []
    if sentence[0] > ctx.plan.span[0] and ctx.text[sentence[0] - 1] != "\n":
        near.append(ctx.sentence((sentence[0] - 1, sentence[0] - 1), marks))
    if sentence[1] < ctx.plan.span[1] and ctx.text[sentence[1]] != "\n":
        near.append(ctx.sentence((sentence[1] + 1, sentence[1] + 1), marks))
    return any(w in ctx.words(s) for s in near for w in (*lead_words(), *words("co_lead")))


@rule("collective-only")
def collective_only(ctx: Context) -> Iterator[Hit]:
    for duty in ctx.plan.duties:
        actors = [ctx.actors[a.actor] for a in duty.assignees if a.actor in ctx.actors]
        if actors and all(collective().fullmatch(a.name) for a in actors) and owners_here(ctx, duty) \
                and not _lead_elsewhere(ctx, duty, actors):
            names = "、".join(dict.fromkeys(a.name for a in actors))
            yield Hit(f"the duty {_quote(duty)} is given only to {names}, with no unit named to lead it",
                      duty.span, (duty.id, *dict.fromkeys(a.id for a in actors)))


def _qualifies_collective(ctx: Context, actor_id: str, sentence: tuple[int, int]) -> bool:
    mentions = [m for m in ctx.actors[actor_id].mentions if sentence[0] <= m[0] < sentence[1]]
    return ctx.text is not None and bool(mentions) and all(collective().match(ctx.text, m[1]) for m in mentions)


def _joint_note(ctx: Context, responsible: list[str], sentence: tuple[int, int]) -> bool:
    """Where the plan says the names before a note's comma lead (逗号前为牵头单位), a note with no comma
    (（责任单位：教育厅、省委宣传部）) makes every name in it a lead."""
    wording = ctx.words(sentence)
    note = max(wording.rfind("（"), wording.rfind("("))
    return note >= 0 and not any(c in wording[note:] for c in "，,；;") \
        and all(ctx.named_in(a, (sentence[0] + note, sentence[1])) for a in responsible)


@rule("no-lead")
def no_lead(ctx: Context) -> Iterator[Hit]:
    convention = ctx.text is not None and any(w in ctx.words(ctx.plan.span) for w in lead_conventions())
    for duty in ctx.plan.duties:
        roles = {a.actor: a.role for a in duty.assignees}
        # Collectives (各县区、各部门) and posts (各支部书记) each do their own share: no one need lead
        # them. A name holding 、 is a list the actor finder could not split: who is in it is unclear.
        bodies = [a for a, role in roles.items() if role == "responsible" and a in ctx.actors
                  and ctx.actors[a].kind in _BODIES and "、" not in ctx.actors[a].name]
        if len(bodies) < 2 or any(role in ("lead", "accountable") for role in roles.values()):
            continue
        sentence = ctx.sentence(duty.span, words("sentence_marks"))
        wording = ctx.words(sentence)
        here = set(owners_here(ctx, duty))
        # A name the sentence does not spell is a stretch the actor finder misread; one that only says
        # whose departments are meant (国务院相关部门) is no doer of its own.
        responsible = [a for a in bodies if a in here and (ctx.text is None or ctx.actors[a].name in wording)
                       and not _qualifies_collective(ctx, a, sentence)]
        # A lead word the duty finder did not tie to a name (A会同B, A商B) or one the bodies work under
        # (在…统一领导下) still names a lead; a list after 各 (各分院、中心…要) or 分别 gives each its own
        # share; bodies that 协助 help a lead named elsewhere.
        if len(responsible) < 2 or any(w in wording for w in (*words("distributive"), *lead_words(), *words("co_lead"))) \
                or consulting().search(wording) or led_by().search(wording) or _listed_after_each(ctx, responsible, sentence) \
                or _misread(ctx, duty) or duty.action.startswith(support_words()) \
                or convention and _joint_note(ctx, responsible, sentence):
            continue
        names = "、".join(ctx.actors[a].name for a in responsible)
        yield Hit(f"the duty {_quote(duty)} is shared by {names} with none of them named to lead (牵头)",
                  duty.span, (duty.id, *responsible))
