"""Walking a plan's text paragraph by paragraph and clause by clause to find its duties."""
from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from ..model import Actor, Assignee, Duty, Relation, Section, Span, TimeExpression
from .actions import cut, modal_at, modality, not_a_duty, tidy
from .actorindex import ActorIndex
from .clauses import Clause, bracket_groups, clauses, paragraphs
from .deadlines import TimeIndex, bounds, dated, deadline_of
from .doers import part_giver, set_up_body, skip_front, strip_label, subject_at
from .lexicon import DutyLexicon, lexicon
from .markers import Marker, MarkerReader, Owner, merge_owners
from .relations import clause_links
from .sectionwalk import OpenSections
from .tables import table_duties

# The scope of a note that opens a plan without sections.
_PLAN = ""


@dataclass(slots=True)
class _Draft:
    start: int
    end: int
    action: str
    modality: str | None
    deadline: str | None
    section: str | None
    owners: tuple[Owner, ...]
    # The owners were named in the duty's own paragraph, not handed down from a heading or note.
    named: bool


class _Walker:
    def __init__(self, text: str, span: Span, sections: Sequence[Section], actors: Sequence[Actor],
                 times: Sequence[TimeExpression], table_rows: Collection[int]):
        self.text = text
        self.span = span
        self.lex: DutyLexicon = lexicon()
        self.index = ActorIndex(actors)
        self.times = TimeIndex(times)
        self.sections = OpenSections(sorted(sections, key=lambda s: (s.span[0], s.level)), text)
        self.table_rows = table_rows
        self.breaks = sorted({x for s in sections for x in s.heading_span})
        self.markers = MarkerReader(self.lex, self.index)
        self.handed: dict[str, tuple[Owner, ...]] = {}
        self.parents = {s.id: s for s in sections}
        self.drafts: list[_Draft] = []
        self.pending: list[_Draft] = []
        self.pending_section: str | None = None
        self.relations: list[Relation] = []

    # -- who ----------------------------------------------------------------------------------
    def hand_down(self, section: Section | None, owners: tuple[Owner, ...]) -> None:
        """Owners for what follows in `section` (the innermost open one) that names no doer."""
        self.handed[section.id if section else _PLAN] = owners

    def inherited(self, section: Section | None) -> tuple[Owner, ...]:
        """The owners handed down to `section` by it or its nearest ancestor that has some.

        Walked up once per section and kept: nesting thousands deep must stay linear. A section
        gets owners only while it is the innermost open one, so no kept answer goes stale."""
        chain = []
        while section is not None and section.id not in self.handed:
            chain.append(section.id)
            section = self.parents.get(section.parent) if section.parent else None
        found = self.handed[section.id] if section is not None else self.handed.get(_PLAN, ())
        for key in chain:
            self.handed[key] = found
        return found

    def apply_marker(self, mk: Marker, section: Section | None) -> None:
        if self.pending:
            # The note's owners join a doer its paragraph names, and replace one handed down.
            for d in self.pending:
                d.owners = merge_owners(d.owners, list(mk.owners)) if d.named else mk.owners
        else:
            self.hand_down(section, mk.owners)
        self.pending = []

    # -- walk -----------------------------------------------------------------------------------
    def run(self, body_start: int) -> None:
        table: list[Span] = []
        sentence = 0
        for ps, pe in paragraphs(self.text, body_start, self.span[1]):
            if ps in self.table_rows or "\t" in self.text[ps:pe]:
                table.append((ps, pe))
                continue
            if table:
                self.read_table(table)
                table = []
            found = clauses(self.text, ps, pe, sentence, self.breaks)
            if found:
                sentence = found[-1].sentence + 1
                self.read_paragraph(found)
        if table:
            self.read_table(table)

    def read_table(self, rows: list[Span]) -> None:
        for row in table_duties(self.text, rows, self.lex, self.index, self.times):
            open_sections = self.sections.at(row.start)
            action = tidy(row.action)
            if len(action) < 2:
                continue
            self.drafts.append(_Draft(row.start, row.end, action, "must", row.deadline,
                                      open_sections[-1].id if open_sections else None, row.owners, True))

    def read_paragraph(self, found: list[Clause]) -> None:
        text, lex = self.text, self.lex
        current: tuple[Owner, ...] = ()
        topic = ""
        topic_start = -1
        explaining = -1
        sentence_deadline: TimeExpression | None = None
        sentence_mod: str | None = None
        last = found[-1]
        # Most paragraphs name no actor or no time: their clauses need not look for one.
        named = bool(self.index.within(found[0].start, last.end))
        timed = bool(self.times.within(found[0].start, last.end))
        # The duty that a short clause after it may complete: what 做到 reaches, what 防止 prevents.
        reached: _Draft | None = None
        prevents = False
        sentence_drafts: list[_Draft] = []
        sentence_roles: list[Owner] = []
        # A note applies to the clauses before it, its own included: it is read once that clause is done.
        deferred: list[tuple[Marker, Section | None]] = []
        # The doer before a part given (发挥X的…作用) made the clauses X's; None where none is.
        before_given: tuple[Owner, ...] | None = None
        for k, c in enumerate(found):
            for mk, at in deferred:
                self.apply_marker(mk, at)
            deferred = []
            open_sections = self.sections.at(c.start)
            section = open_sections[-1] if open_sections else None
            if section and section.id != self.pending_section:
                # A heading ends a paragraph even where the file has no line breaks.
                self.pending, self.pending_section = [], section.id
                current = ()
            if c.first_of_sentence:
                sentence_deadline, sentence_mod = None, None
                sentence_drafts, sentence_roles = [], []
            if c.first_of_sentence or (k and found[k - 1].mark in "；;"):
                # A frame or topic reaches no further than its sentence's next ；, nor does a part
                # given (发挥X的…作用), which names no doer for the rest of the paragraph.
                topic = ""
                if before_given is not None:
                    current, before_given = before_given, None
            in_heading = section is not None and section.heading_span[0] <= c.start < section.heading_span[1]
            pos = strip_label(text, c.start, c.end, c.first_of_sentence or in_heading)
            holes: list[Span] = []
            for bs, be in bracket_groups(text, pos, c.end) if text.find("（", pos, c.end) >= 0 or \
                    text.find("(", pos, c.end) >= 0 else ():
                mk = self.markers.read(text, bs, be, bracketed=True)
                if mk:
                    holes.append((bs, be))
                    deferred.append((mk, section))
            if not holes and c.first_of_paragraph and lex.marker_label.match(text, pos):
                mk = self.markers.read(text, pos, last.end, bracketed=False)
                if mk:
                    self.apply_marker(mk, section)
                    return
            rest = tidy(cut(text, pos, c.end, holes))
            if not rest:
                continue
            cut_holes = len(holes)
            if text[pos] in "（(" and bracket_groups(text, pos, c.end) == [(pos, c.end)]:
                # A bracketed aside that is no owner note directs no one.
                continue
            # Where the subject is looked for is where the predicate starts if there is none.
            front = skip_front(text, pos, c.end, lex, self.times)
            subject = subject_at(text, front, c.end, self.index, lex) if named else None
            if subject and not tidy(cut(text, subject.role_end, c.end, holes)) \
                    and any(o.role in ("lead", "support") for o in subject.owners):
                self.join(subject.owners, c, sentence_drafts, sentence_roles)
                continue
            # A bare name (组长：XXX, 联系电话：XXXX) lists someone; it does not open a run of their duties.
            if subject and c.mark not in "，," and not tidy(cut(text, subject.end, c.end, holes)):
                continue
            own = subject is not None
            if subject:
                current = subject.owners
                front = skip_front(text, subject.end, c.end, lex, self.times)
            elif named and (given := part_giver(text, front, c.end, self.index)):
                # The clause keeps its words: the part given (发挥…的宣传作用) is what it directs.
                before_given, current = current, given
            start = front
            if timed and (c.first_of_sentence or front >= c.end):
                # A time at the front of a sentence, or a clause that is only a time (`到2025年，`),
                # bounds the clauses after it up to the next ；.
                for t in self.times.within(pos, front):
                    # A bracketed range after a stage's name is the stage's period, not a deadline.
                    if (bounds(t) or dated(t)) and text[t.span[0] - 1] not in "(（":
                        sentence_deadline = t
            mod, mod_start, mod_end = modality(text, start, c.end, lex)
            if mod:
                sentence_mod = mod
                if mod_start == start:
                    start = skip_front(text, mod_end, c.end, lex, self.times)
                else:
                    holes.append((mod_start, mod_end))
            # Most clauses start their predicate where their text starts: `rest` is their core.
            core = rest if start == pos and len(holes) == cut_holes else tidy(cut(text, start, c.end, holes))
            core_holes = len(holes)
            if in_heading and section:
                if subject:
                    self.hand_down(section, subject.owners)
                heading = tidy(text[strip_label(text, *section.heading_span):section.heading_span[1]])
                if not (mod or len(heading) >= lex.heading_sentence or self.sections.item(section)):
                    continue
            if mod is None and lex.setup.match(text, start):
                current = set_up_body(text, start, c.end, self.index, lex) or current
                continue
            if c.mark in "：:" and current and section and own:
                self.hand_down(section, current)
            if explaining == c.sentence:
                continue
            if lex.explanations.search(core):
                explaining = c.sentence
                continue
            more = k + 1 < len(found) and found[k + 1].sentence == c.sentence
            if topic.startswith("以") and "为" not in topic and lex.adjunct_tail.search(core):
                topic += core + "，"
                continue
            if more and mod is None and core.startswith("以") and "为" not in core and \
                    lex.adjunct_tail.search(text, found[k + 1].start, found[k + 1].end):
                topic, topic_start = topic + core + "，", topic_start if topic else c.start
                continue
            if ((mod is None and lex.topic.match(core) and (not lex.topic_verbs.search(core)
                                                            or self.opens_predicate(found, k))) or lex.adjuncts.search(core)):
                if more and c.mark in "，,":
                    topic, topic_start = topic + core + "，", topic_start if topic else c.start
                continue
            if c.mark in "：:" and len(core) <= lex.label_length and not own:
                continue
            if not (mod or own) and self.stray(found, k, core):
                continue
            owners = current or self.inherited(section)
            if reached is not None and reached.end == c.start - 1 and not (mod or own) and (
                    lex.consequences.match(core) if prevents else len(core) <= lex.complement_length):
                reached.action += "，" + core
                reached.end = c.end
                continue
            reached = None
            # A clause that names its doer and a modal directs it, whatever else it says.
            reason = None if (mod and own) else not_a_duty(core, lex)
            if mod == "may" or reason:
                if topic and reason == "conditions" and more:
                    # 对…诉求，但…解决后，仍…的人员，要…: the topic runs on through its conditions.
                    topic += core + "，"
                    continue
                topic = ""
                if c.mark in "；;":
                    sentence_deadline = None
                continue
            deadline = deadline_of(self.times, text, start, pos, c.end) if timed else None
            deadline = deadline or sentence_deadline
            if deadline and start <= deadline.span[0] and deadline.span[1] <= c.end:
                ds, de = deadline.span
                holes.append((ds - 1 if ds > start and text[ds - 1] in "于在到" else ds, de))
            # With no topic before it and no deadline cut out of it, the action is the core.
            action = tidy(topic + cut(text, start, c.end, holes)) if topic or len(holes) != core_holes else core
            span_start = topic_start if topic else c.start
            topic = ""
            if c.mark in "；;":
                sentence_deadline = None
            if len(action) < 2:
                continue
            owners = merge_owners(owners if own else (), sentence_roles) if sentence_roles else owners
            draft = _Draft(span_start, c.end, action, mod or sentence_mod, deadline.id if deadline else None,
                           section.id if section else None, owners, bool(current) or own)
            sentence_drafts.append(draft)
            self.drafts.append(draft)
            self.pending.append(draft)
            if lex.complement_verbs.match(action):
                reached, prevents = draft, False
            elif mod == "must_not" or lex.preventions.match(action):
                reached, prevents = draft, True
            if named:
                self.relations += clause_links(text, c.start, c.end, owners, self.index, lex, self.times)
        for mk, at in deferred:
            self.apply_marker(mk, at)

    def join(self, owners: tuple[Owner, ...], c: Clause, drafts: list[_Draft], roles: list[Owner]) -> None:
        """`X牵头，Y配合`: a clause that only gives a part joins the duty its sentence states,
        before or after it; the lead leads the supporting units."""
        roles += [o for o in owners if all(o.actor != r.actor for r in roles)]
        for d in drafts:
            d.owners = merge_owners(d.owners, roles)
        leads = [o.actor for o in roles if o.role == "lead"]
        for o in roles:
            if o.role == "support":
                self.relations += [Relation("leads", x, o.actor, None, None, (c.start, c.end)) for x in leads]

    def opens_predicate(self, found: list[Clause], k: int) -> bool:
        """The clause after `k` in its sentence starts with its doer or a modal: `k` is its topic."""
        if k + 1 >= len(found) or found[k + 1].sentence != found[k].sentence:
            return False
        nxt = found[k + 1]
        pos = skip_front(self.text, nxt.start, nxt.end, self.lex, self.times)
        near = self.index.within(pos, nxt.end)
        return modal_at(self.text, pos, self.lex) or bool(near and near[0].start == pos)

    def stray(self, found: list[Clause], k: int, core: str) -> bool:
        """A caption line, a run-in topic sentence or a fragment too short to name an act."""
        c = found[k]
        if len(core) < 3:
            return True
        if len(found) == 1 and c.end < len(self.text) and self.text[c.end] not in "。；;！!？?：:":
            return len(core) <= self.lex.caption_length
        return (k == 0 and c.mark == "。" and len(found) > 1 and found[1].sentence != c.sentence
                and self.text[found[1].start] not in "（(" and len(core) <= self.lex.topic_sentence_length)

    def duties(self, id_prefix: str) -> list[Duty]:
        # Runs of duties share one owners tuple (handed down, or named once for a sentence): their
        # assignees are made once. The drafts hold each tuple alive, so its id is not reused meanwhile.
        made: dict[int, tuple[Assignee, ...]] = {}
        out = []
        for n, d in enumerate(self.drafts, 1):
            assignees = made.get(id(d.owners))
            if assignees is None:
                assignees = made[id(d.owners)] = tuple(Assignee(o.actor, o.role) for o in d.owners)
            out.append(Duty(f"{id_prefix}d{n}", d.action, (d.start, d.end), assignees, d.modality, d.deadline,
                            d.section))
        return out

    def links(self) -> list[Relation]:
        seen: set[tuple[str, str, str]] = set()
        out = []
        for r in self.relations:
            key = (r.type, r.source, r.target)
            if key not in seen:
                seen.add(key)
                out.append(r)
        return out


def find_duties(text: str, span: Span, *, sections: Sequence[Section], actors: Sequence[Actor],
                times: Sequence[TimeExpression], id_prefix: str,
                table_rows: Collection[int] = frozenset()) -> tuple[list[Duty], list[Relation]]:
    """The duties of the plan in text[span] (ids `{id_prefix}d1`, …) and the reports_to and supervises links
    its directing clauses state. The text before the plan's first section (its preamble) directs no one."""
    walker = _Walker(text, span, sections, actors, times, table_rows)
    body_start = min((s.span[0] for s in sections), default=span[0])
    walker.run(max(body_start, span[0]))
    return walker.duties(id_prefix), walker.links()
