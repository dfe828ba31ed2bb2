"""The actor lexicon (data/actors.json) compiled into patterns and look-up sets."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..datafiles import load_json
from ..wordtrie import word_pattern


@dataclass(frozen=True)
class ActorLexicon:
    suffix_kind: dict[str, str]
    single_suffixes: frozenset[str]
    particle_words: frozenset[str]
    heads: re.Pattern[str]
    roles: frozenset[str]
    generic_roles: frozenset[str]
    not_bodies: tuple[str, ...]
    collective_prefixes: tuple[str, ...]
    collective_heads: frozenset[str]
    qualified_collectives: frozenset[str]
    named_collectives: frozenset[str]
    audiences: frozenset[str]
    externals: frozenset[str]
    issuer_self: frozenset[str]
    placeholder: re.Pattern[str]
    placeholder_not_after: tuple[str, ...]
    placeholder_not_before: tuple[str, ...]
    person_titles: tuple[str, ...]
    joined_names: tuple[str, ...]
    left_stops: frozenset[str]
    group_name_words: frozenset[str]
    verbs_before_names: frozenset[str]
    name_modifiers: frozenset[str]
    glued_stop_chars: str
    places: frozenset[str]
    source_before: tuple[str, ...]
    source_after: tuple[str, ...]
    subject_cues: tuple[str, ...]
    # Finds any of subject_cues in a stretch of text at once.
    any_subject_cue: re.Pattern[str]
    not_subject_cues: tuple[str, ...]
    receiver_cues: tuple[str, ...]
    owner_labels: tuple[str, ...]
    owner_list: re.Pattern[str]
    assign_cues: tuple[str, ...]
    audience_cues: tuple[str, ...]
    oversight_verbs: tuple[str, ...]
    oversight: re.Pattern[str]
    abstract_nouns: frozenset[str]
    rank_modifiers: frozenset[str]
    own_qualifiers: tuple[str, ...]
    outsiders: tuple[str, ...]
    bare_doers: frozenset[str]
    set_up: re.Pattern[str]
    set_up_directed: re.Pattern[str]
    set_up_elsewhere: re.Pattern[str]
    verb_modified_heads: frozenset[str]
    role_giving_before: tuple[str, ...]
    role_giving_after: re.Pattern[str]
    partner_before: tuple[str, ...]
    partner_after: re.Pattern[str]
    raw: dict

    def head_kind(self, head: str) -> str:
        if head in self.suffix_kind:
            return self.suffix_kind[head]
        if head in self.roles:
            return "role"
        if head in self.collective_heads:
            return "collective"
        if head in self.externals:
            return "external"
        if head in self.issuer_self:
            return "unit"
        return "person"


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=len, reverse=True))


@cache
def lexicon() -> ActorLexicon:
    raw = load_json("actors.json")
    suffix_kind = {e["suffix"]: e["kind"] for e in raw["body_suffixes"]}
    single = frozenset(e["suffix"] for e in raw["body_suffixes"] if e.get("single"))
    roles = raw["roles"]["words"]
    coll = raw["collectives"]
    externals = raw["external_bodies"]["words"]
    issuer_self = raw["issuer_self"]["words"]
    placeholder = raw["placeholder_person"]["pattern"]
    head_words = list(suffix_kind) + roles + coll["heads"] + externals + issuer_self
    # The look-ahead lets the scan skip, at one class test, the positions where no head can start:
    # re tries an alternation's branches one by one.
    first_chars = "".join(sorted({w[0] for w in head_words} | set(raw["placeholder_person"]["first_chars"])))
    heads = re.compile(f"(?=[{re.escape(first_chars)}])(?:(?P<ph>{placeholder})|(?P<head>"
                       + word_pattern(head_words) + "))")
    setup = raw["set_up"]
    verbs, directed = word_pattern(setup["verbs"]), (
        f"(?:{word_pattern(setup['modals'])})(?:{word_pattern(setup['hasten'])})?")
    return ActorLexicon(
        suffix_kind=suffix_kind,
        single_suffixes=single,
        particle_words=frozenset(w for e in raw["body_suffixes"] for w in e.get("particle_words", ())),
        heads=heads,
        roles=frozenset(roles),
        generic_roles=frozenset(raw["roles"]["generic"]),
        not_bodies=_longest_first(raw["not_bodies"]["words"]),
        collective_prefixes=_longest_first(coll["prefixes"]),
        collective_heads=frozenset(coll["heads"]),
        qualified_collectives=frozenset(coll["qualified"]),
        named_collectives=frozenset(coll["named"]),
        audiences=frozenset(coll["audiences"]),
        externals=frozenset(externals),
        issuer_self=frozenset(issuer_self),
        placeholder=re.compile(placeholder),
        placeholder_not_after=tuple(raw["placeholder_person"]["not_after"]),
        placeholder_not_before=tuple(raw["placeholder_person"]["not_before"]),
        person_titles=_longest_first(raw["person_titles"]["words"]),
        joined_names=_longest_first(raw["joined_names"]["words"]),
        left_stops=frozenset(raw["left_stops"]["words"]),
        group_name_words=frozenset(raw["left_stops"]["in_group_names"]),
        verbs_before_names=frozenset(raw["verbs_before_names"]["words"]),
        name_modifiers=frozenset(raw["name_modifiers"]["words"]),
        glued_stop_chars=raw["glued_stops"]["chars"],
        places=frozenset(raw["glued_stops"]["places"]),
        source_before=_longest_first(raw["source_cues"]["before"]),
        source_after=_longest_first(raw["source_cues"]["after"]),
        subject_cues=_longest_first(raw["subject_cues"]["words"]),
        any_subject_cue=re.compile(word_pattern(raw["subject_cues"]["words"])),
        not_subject_cues=_longest_first(raw["subject_cues"]["not_cues"]),
        receiver_cues=_longest_first(raw["receiver_cues"]["words"]),
        owner_labels=_longest_first(raw["owner_labels"]["words"]),
        owner_list=re.compile("(?:" + word_pattern(raw["owner_labels"]["words"]) + r")\s*[：:]\s*"),
        assign_cues=_longest_first(raw["assign_cues"]["words"]),
        audience_cues=_longest_first(raw["audience_cues"]["words"]),
        oversight_verbs=_longest_first(raw["overseen"]["words"]),
        oversight=re.compile("(?:进行|开展|实施)[^，,。；;]{0,8}(?:" + word_pattern(raw["overseen"]["words"]) + ")"),
        abstract_nouns=frozenset(raw["abstract_nouns"]["words"]),
        rank_modifiers=frozenset(raw["rank_modifiers"]["words"]),
        own_qualifiers=_longest_first(raw["own_qualifiers"]["words"]),
        outsiders=_longest_first(raw["outsiders"]["words"]),
        bare_doers=frozenset(raw["bare_doers"]["words"]),
        set_up=re.compile(verbs),
        set_up_directed=re.compile(directed + "$"),
        set_up_elsewhere=re.compile(f"{directed}(?:{verbs})(?:{word_pattern(setup['kind_words'])})?$"),
        verb_modified_heads=frozenset(raw["verb_modified_heads"]["words"]),
        role_giving_before=_longest_first(raw["role_giving"]["before"]),
        role_giving_after=re.compile(raw["role_giving"]["after"]),
        partner_before=_longest_first(raw["partners"]["before"]),
        partner_after=re.compile(raw["partners"]["after"]),
        raw=raw,
    )
