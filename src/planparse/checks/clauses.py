"""What the sentence around a duty says of its doer: named in it, handed down, or no one."""
from __future__ import annotations

import re

from ..model import Duty
from .lexicon import clause_openers, directing_modals, doer_phrase, topic_openers, words
from .registry import Context

# A prohibition (严禁…) binds everyone the plan reaches, so it needs no one named; a permission
# (可…) directs no one.
DIRECTING = ("must", "should")


def doerless(ctx: Context, duty: Duty) -> bool:
    """Whether the sentence gives the duty no doer in so many words: before the duty's modal (要,
    应当…) nothing but connectives, and before its clause only clauses that are framing (对…, 在…期间)
    or doerless themselves. A noun there is a doer the actor finder did not know (工业企业要…), which
    the finding must not call nobody; so is the duty's own clause where it is only a noun phrase the
    next clause's modal takes as its doer (需要承担前款规定费用的船舶，应当…)."""
    if ctx.text is None:
        return True
    start, _ = ctx.clause(duty.span, words("sentence_marks"))
    head = ctx.text[start:duty.span[1]]
    *before, own = re.split("[，,：:]", head)
    if _doer_phrase(own) and _opens_bare(_next_clause(ctx, duty.span[1])):
        return False
    # A clause ending in 的 before the modal (在渔业水域作业的，需要补充材料的，应当…) names its doer:
    # whoever does that, or whoever the text before has made answer for it.
    return all(_opens_bare(c) and not _doer_phrase(c) or c.strip().startswith(topic_openers()) and not c.endswith("的")
               for c in before) and _opens_bare(own)


def _doer_phrase(clause: str) -> bool:
    return doer_phrase().search(clause.strip()) is not None


def _next_clause(ctx: Context, end: int) -> str:
    """The clause after a clause that ends at `end` in the same sentence, or "" where the sentence ends."""
    text = ctx.text or ""
    if not text.startswith(("，", ","), end):
        return ""
    stop = min((i for m in words("clause_marks") if (i := text.find(m, end + 1, ctx.plan.span[1])) >= 0),
               default=ctx.plan.span[1])
    return text[end + 1:stop]


def own_subject(ctx: Context, duty: Duty) -> bool:
    """Whether the duty's clause names what it is about before its modal and none of its assignees
    there (有关部门建议，贵州省生态建设…要配套实施): a doer named in an earlier clause is not its doer."""
    if ctx.text is None:
        return False
    start, _ = ctx.clause(duty.span, words("clause_marks"))
    own = ctx.text[start:duty.span[1]]
    if any(ctx.named_in(a.actor, (start, duty.span[1])) for a in duty.assignees) \
            or own.strip().startswith(topic_openers()):
        return False
    return _modal_at(own) > 0 and not _opens_bare(own)


def _modal_at(clause: str) -> int:
    return min((i for m in directing_modals() if (i := clause.find(m)) >= 0), default=-1)


def _opens_bare(clause: str) -> bool:
    """Whether a clause opens with its modal, after connectives only (并要…, 同时须…)."""
    at = _modal_at(clause)
    if at < 0:
        return False
    lead = clause[:at]
    for opener in clause_openers():
        lead = lead.replace(opener, "")
    return not lead.strip()


def owners_here(ctx: Context, duty: Duty) -> list[str]:
    """The duty's assignees named in its own sentence or the owner note after it, where the sentence
    directs (a modal, 负责…, or the note): not a doer handed down from far above, nor a body named in
    a sentence that directs no one (贯彻省委、市委精神)."""
    sentence = ctx.sentence(duty.span, words("sentence_marks"))
    named = [a.actor for a in duty.assignees if ctx.named_in(a.actor, sentence)]
    tail = ctx.words((duty.span[1], sentence[1]))
    note = min((i for b in "（(" if (i := tail.find(b)) >= 0), default=-1)
    noted = note >= 0 and any(ctx.named_in(a, (duty.span[1] + note, sentence[1])) for a in named)
    directs = duty.modality in DIRECTING or duty.deadline is not None \
        or duty.action.startswith(words("responsibility_verbs"))
    return named if directs or noted else []
