"""The duty lexicon (data/duty_lexicon.json) compiled into patterns and look-up tables."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..datafiles import load_json
from ..wordtrie import word_pattern
from .rules import NotDutyRules

_SPACES = re.compile(r"\s+")


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@dataclass(frozen=True)
class DutyLexicon:
    modality: dict[str, str]
    modal: re.Pattern[str]
    not_modal_after: dict[str, tuple[str, ...]]
    not_modal_before: dict[str, tuple[str, ...]]
    clause_openers: re.Pattern[str]
    opener_firsts: frozenset[str]
    doer_openers: re.Pattern[str]
    assigning: re.Pattern[str]
    before_objects: re.Pattern[str]
    setup: re.Pattern[str]
    lead_words: tuple[str, ...]
    support_words: tuple[str, ...]
    accountable_words: tuple[str, ...]
    set_phrases: frozenset[str]
    explanations: re.Pattern[str]
    not_duty: NotDutyRules
    adjuncts: re.Pattern[str]
    label_length: int
    caption_length: int
    topic_sentence_length: int
    complement_verbs: re.Pattern[str]
    complement_length: int
    preventions: re.Pattern[str]
    consequences: re.Pattern[str]
    adjunct_tail: re.Pattern[str]
    heading_sentence: int
    topic: re.Pattern[str]
    topic_verbs: re.Pattern[str]
    report_verbs: re.Pattern[str]
    oversight_verbs: re.Pattern[str]
    marker_labels: dict[str, str]
    note_roles: dict[str, str]
    # A note_roles word at the end of a name (教育局牵头).
    note_role_tail: re.Pattern[str]
    marker_label: re.Pattern[str]
    lead_conventions: tuple[str, ...]
    carry_on: tuple[str, ...]
    columns: dict[str, tuple[str, ...]]
    raw: dict

    def column_kind(self, cell: str) -> str | None:
        """What a table column holds, from its header cell."""
        cell = _SPACES.sub("", cell)
        for kind in ("lead", "support", "responsible", "deadline", "task"):
            if any(cell == w or (len(w) > 2 and w in cell) or (len(cell) <= 6 and cell.endswith(w))
                   for w in self.columns[kind]):
                return kind
        return None


@cache
def lexicon() -> DutyLexicon:
    raw = load_json("duty_lexicon.json")
    nd = raw["not_duties"]
    modals = raw["modals"]["words"]
    roles = raw["roles"]
    markers = raw["markers"]
    not_duty = {k: nd[k]["patterns"] for k in ("framing", "explanations", "exhortations", "goal_states", "structure",
                                               "organisation", "descriptions", "past", "conditions")}
    return DutyLexicon(
        modality=modals,
        modal=re.compile(word_pattern(list(modals))),
        not_modal_after={k: tuple(v) for k, v in raw["modals"]["not_modal_after"].items()},
        not_modal_before={k: tuple(v) for k, v in raw["modals"]["not_modal_before"].items()},
        clause_openers=re.compile(f"(?:{word_pattern(raw['clause_openers']['words'])})"),
        # First characters of what skip_front passes other than a time: most clauses start elsewhere.
        opener_firsts=frozenset(w[0] for w in raw["clause_openers"]["words"]) | frozenset(" \t在于到从自截至"),
        doer_openers=re.compile(f"(?:{word_pattern(raw['doer_openers']['words'])})"),
        assigning=re.compile(word_pattern(raw["assigning_verbs"]["words"])),
        before_objects=re.compile(f"(?:{word_pattern(raw['object_markers']['words'] + raw['guiding_verbs']['words'])})$"),
        setup=re.compile(f"(?:{word_pattern(raw['setup_verbs']['words'])})"),
        lead_words=tuple(roles["lead"]),
        support_words=tuple(roles["support"]),
        accountable_words=tuple(roles["accountable"]),
        set_phrases=frozenset(nd["set_phrases"]["words"]),
        explanations=_any_of(nd["explanations"]["patterns"]),
        not_duty=NotDutyRules(not_duty),
        adjuncts=_any_of(raw["adjuncts"]["patterns"]),
        label_length=raw["labels"]["longest"],
        caption_length=raw["captions"]["longest"],
        topic_sentence_length=raw["runin_topics"]["longest"],
        complement_verbs=re.compile(word_pattern(raw["complements"]["verbs"])),
        complement_length=raw["complements"]["longest"],
        preventions=re.compile(word_pattern(raw["consequences"]["verbs"])),
        consequences=re.compile(word_pattern(raw["consequences"]["continuations"])),
        adjunct_tail=re.compile(raw["adjuncts"]["split"]["tail"]),
        heading_sentence=raw["headings"]["sentence_length"],
        topic=re.compile(f"(?:{word_pattern(raw['topics']['openers'])})"),
        topic_verbs=re.compile(word_pattern(raw['topics']['verbs'])),
        report_verbs=re.compile(word_pattern(raw["reports"]["verbs"])),
        oversight_verbs=re.compile(word_pattern(raw["oversight"]["verbs"])),
        marker_labels=markers["labels"],
        note_roles=markers["role_words"],
        note_role_tail=re.compile(f"({word_pattern(list(markers['role_words']))})$"),
        marker_label=re.compile(f"({word_pattern(list(markers['labels']))})\\s*[:：]"),
        lead_conventions=tuple(markers["lead_conventions"]),
        carry_on=tuple(markers["carry_on"]),
        columns={k: tuple(raw["table_columns"][k]) for k in ("task", "lead", "responsible", "support", "deadline")},
        raw=raw,
    )
