"""Rules on the plan's own organisation: its groups, their offices, and the bodies in them."""
from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

from ..model import Actor
from .lexicon import setup_verbs, words
from .registry import Context, Hit, rule

ORG_TYPES = ("member_of", "part_of", "located_in")
# Kinds that never belong to the issuer's own organisation: a collective names many bodies (each
# of which may be busy) or an audience, an external body answers to someone else.
_NOT_OWN = ("collective", "external")


def is_leader_role(role: str | None, deputies: bool = False) -> bool:
    if not role or (role.startswith("副") and not deputies):
        return False
    return any(role.endswith(w) for w in words("leader_roles"))


class Organisation:
    """The organisation statements of a plan, indexed."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.relations = ctx.plan.relations

    @cached_property
    def in_structure(self) -> set[str]:
        """Actors that a member_of, part_of or located_in relation places in the organisation."""
        return {x for r in self.relations if r.type in ORG_TYPES for x in (r.source, r.target)}

    def set_up(self, actor: Actor) -> bool:
        """Whether the plan sets the body up itself (成立…, 下设…) right before one of its mentions."""
        if self.ctx.text is None:
            return False
        return any(self.ctx.text[max(self.ctx.plan.span[0], start - 6):start].endswith(setup_verbs())
                   for start, _ in actor.mentions)

    def constituted(self, actor: Actor) -> bool:
        """A group whose members the plan lists, or that an office is part of."""
        return actor.kind == "group" and any(r.target == actor.id and r.type in ("member_of", "part_of")
                                             for r in self.relations)

    def ad_hoc_office(self, actor: Actor) -> bool:
        """An office the plan sets up or names bare (办公室), unlike a standing office with its host
        in its name (学校办公室, 县政府办公室) or a national one the plan only cites."""
        return actor.kind == "office" and (actor.name in words("bare_offices") or self.set_up(actor))

    def named_after_group(self, actor: Actor) -> bool:
        """An office named after a group the plan names (领导小组办公室) has that group above it."""
        groups = [a for a in self.ctx.plan.actors if a.kind == "group"]
        return any(form in office for g in groups for form in _name_forms(g) for office in _name_forms(actor)
                   if form != office)


def _name_forms(actor: Actor) -> tuple[str, ...]:
    return (actor.name, *actor.aliases)


@rule("group-without-leader")
def group_without_leader(ctx: Context) -> Iterator[Hit]:
    org = Organisation(ctx)
    for actor in ctx.plan.actors:
        # A group the plan only mentions or calls for (支持组建…委员会) is not the plan's to staff.
        if not org.constituted(actor):
            continue
        led = any(r.target == actor.id and (r.type == "leads" or r.type == "member_of" and is_leader_role(r.role))
                  for r in ctx.plan.relations)
        if not led:
            yield Hit(f"{actor.name} is set up with no leader (组长, 总指挥, 主任…)", actor.mentions[0]
                      if actor.mentions else None, (actor.id,))


@rule("office-without-parent")
def office_without_parent(ctx: Context) -> Iterator[Hit]:
    org = Organisation(ctx)
    for actor in ctx.plan.actors:
        if not actor.mentions or not org.ad_hoc_office(actor) or org.named_after_group(actor):
            continue
        if not any(r.source == actor.id and r.type in ("part_of", "located_in") for r in ctx.plan.relations):
            yield Hit(f"{actor.name} has no group above it and no host unit (办公室设在…)", actor.mentions[0],
                      (actor.id,))


@rule("idle-actor")
def idle_actor(ctx: Context) -> Iterator[Hit]:
    org = Organisation(ctx)
    busy = set(ctx.duties_of)
    for r in ctx.plan.relations:
        leading = r.type == "member_of" and is_leader_role(r.role, deputies=True)
        if r.type in ("leads", "supervises", "reports_to") or leading:
            busy.add(r.source)
        if r.type in ("located_in", "reports_to"):
            # Hosting the office, or taking the reports in, is a part in the plan.
            busy.add(r.target)
        if r.type == "part_of" and r.source in ctx.duties_of:
            # A group works through its office: the office's work is the group's.
            busy.add(r.target)
    # A post of a busy body (县应急局局长 of 县应急局) acts through it.
    busy_names = [form for a in ctx.plan.actors if a.id in busy for form in _name_forms(a)]
    for actor in ctx.plan.actors:
        if actor.kind in ("role", "person") and any(actor.name.startswith(n) for n in busy_names):
            continue
        # A group with its members listed leads the plan's work by being set up.
        if org.constituted(actor):
            continue
        # A name holding 、 is a list the actor finder could not split (监督组、专家组…): each part
        # may well have its duties under its own name.
        if actor.id in org.in_structure and actor.id not in busy and actor.kind not in _NOT_OWN \
                and "、" not in actor.name:
            yield Hit(f"{actor.name} is in the plan's organisation but is given nothing to do",
                      actor.mentions[0] if actor.mentions else None, (actor.id,))
