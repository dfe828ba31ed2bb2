"""What the sentence around a duty says of its doer: named in it, handed down, or no one."""
from __future__ import annotations

import re

from ..model import Duty
from .lexicon import clause_openers, directing_modals, topic_openers, words
from .registry import Context

# A prohibition (严禁…) binds everyone the plan reaches, so it needs no one named; a permission
# (可…) directs no one.
DIRECTING = ("must", "should")


def doerless(ctx: Context, duty: Duty) -> bool:
    """Whether the sentence gives the duty no doer in so many words: before the duty's modal (要,
    应当…) nothing but connectives, and before its clause only clauses that are framing (对…, 在…期间)
    or doerless themselves. A noun there is a doer the actor finder did not know (工业企业要…), which
    the finding must not call nobody."""
    if ctx.text is None:
        return True
    start, _ = ctx.clause(duty.span, words("sentence_marks"))
    head = ctx.text[start:duty.span[1]]
    *before, own = re.split("[，,：:]", head)
    # A clause ending in 的 before the modal (在渔业水域作业的，应当…) names its doer: whoever does that.
    return all(_opens_bare(c) or c.strip().startswith(topic_openers()) and not c.endswith("的") for c in before) \
        and _opens_bare(own)


def _opens_bare(clause: str) -> bool:
    """Whether a clause opens with its modal, after connectives only (并要…, 同时须…)."""
    at = min((i for m in directing_modals() if (i := clause.find(m)) >= 0), default=-1)
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
