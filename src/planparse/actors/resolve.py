"""From mentions to actors: which mentions name an actor, and which forms name the same one.

A mention names an actor where the plan gives it something to do (it opens its clause or
is followed by 要 / 负责 …), reports to it or works with it (向…报告, 配合…), lists it as
owner of a task (责任单位：…, a table's owner column), or places it in its organisation.
A body named only as the source of a requirement (按照市委要求) or a bare audience is not.
Forms are joined where the plan joins them (（以下简称…）, 下设办公室 → 办公室), where a
short form is the tail of one longer name used before it (领导小组 → 维稳安全工作领导小组),
drops a distributive prefix (基层司法所 → 各基层司法所), or is how the issuer speaks of itself.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .lexicon import ActorLexicon, lexicon
from .mentions import Mention, is_bare_generic
from .organisation import Organisation

_CLAUSE_OPEN = re.compile(r"(?:^|[。；;！？!?\n，,：:）)])\s*(?:[（(]?[一二三四五六七八九十\d]+[）)、.．]\s*)*"
                          r"(?:同时|另外|此外|其中|并|并由|再由|由|请|要求|督促|凡)?$")
_JOINERS = re.compile(r"^(?:、|和|及|与|以及|或|，)$")
_OWNER_LIST = re.compile(r"(?:责任单位|牵头单位|配合单位|责任部门|牵头部门|配合部门|主办单位|承办单位|参与单位|"
                         r"实施单位|负责单位|负责部门|责任人|责任领导)\s*[：:]")
_CLAUSE_REST = re.compile(r"[^。；;：:\n]{0,30}")
_SOURCE_TOPIC = re.compile(r"对[^，,。；;]{0,16}的(?:一系列)?(?:重要|重大|决策)?")
_CLAUSE_MARK = re.compile("[。；\n（(]")
_OBJECT_ENDS = frozenset("和及与、，,。；;")
_ROLE_LABELS = frozenset({"组长", "副组长", "常务副组长", "主任", "副主任", "成员", "组员", "秘书长"})


@dataclass
class Cluster:
    names: dict[str, int] = field(default_factory=dict)
    kind: str = "unit"
    mentions: list[tuple[int, int]] = field(default_factory=list)
    first: int = 0

    def add(self, name: str, span: tuple[int, int]) -> None:
        self.names[name] = self.names.get(name, 0) + 1
        self.mentions.append(span)


def clause_marks(text: str, lo: int, hi: int) -> list[int]:
    """Where the marks that may open a clause stand in text[lo:hi], for `cue_of`."""
    return [m.start() for m in _CLAUSE_MARK.finditer(text, lo, hi)]


def cue_of(text: str, m: Mention, lo: int, lex: ActorLexicon, marks: Sequence[int]) -> str:
    """subject, receiver, owner, audience, source or other: what the words around a mention make of it.

    `marks` are the `clause_marks` of the text the mentions were found in."""
    before = text[max(lo, m.start - 8):m.start]
    after = text[m.end:m.end + 8]
    if before.endswith(lex.source_before) and \
            (after.startswith(lex.source_after) or after.startswith("的")) \
            or _SOURCE_TOPIC.match(text, m.end) and any(w in text[m.end:m.end + 24] for w in lex.source_after):
        # 按照市委要求; …县委、县政府对就业工作的一系列重要部署.
        return "source"
    if m.kind in ("group", "office") and lex.set_up_elsewhere.search(before):
        # 各县区要成立消防安全委员会: a body the plan tells others to set up is theirs, not the plan's.
        return "elsewhere"
    line_start = text.rfind("\n", lo, m.start) + 1
    line_end = text.find("\n", m.end)
    if "\t" in text[line_start:line_end if line_end >= 0 else len(text)]:
        return "owner"
    before_mention = bisect_left(marks, m.start)
    clause_start = marks[before_mention - 1] if before_mention else -1
    if _OWNER_LIST.search(text, max(clause_start, lo), m.start):
        return "owner"
    if before.endswith(lex.receiver_cues) \
            or before.endswith(lex.partner_before) and lex.partner_after.match(text, m.end):
        return "receiver"
    if before.endswith(lex.role_giving_before) and lex.role_giving_after.match(text, m.end):
        return "owner"
    if before.endswith(lex.audience_cues):
        clause = _CLAUSE_REST.match(text, m.end).group()
        overseen = lex.oversight.search(clause) or any(v in clause[:6] for v in lex.oversight_verbs)
        return "receiver" if overseen else "audience"
    if m.kind in ("role", "unit", "collective") and before.endswith(lex.assign_cues) \
            and after[:1] in _OBJECT_ENDS:
        # 落实监控单位和监控责任人，: a bare object; 落实教师不得… enforces a rule on them instead.
        return "owner"
    if after.startswith("的") or after.startswith("之"):
        return "other"
    if after.startswith(lex.subject_cues) and not after.startswith(lex.not_subject_cues):
        # 群众需求 is no 群众需…: a cue that begins a longer noun is none.
        return "subject"
    if _CLAUSE_OPEN.search(before) and after[:1] not in ("", "的"):
        # A name that opens a clause with nothing it does after it is a topic or an owner of
        # something (学生综合素质不断提高, 学校基本办学条件达到…), not a doer.
        clause = _CLAUSE_REST.match(text, m.end).group()
        return "opens" if lex.any_subject_cue.search(clause) else "other"
    return "other"


def _propagate(text: str, mentions: list[Mention], cues: list[str]) -> None:
    """A list A、B和C要… makes every name in it the doer, not only the last; a list that is the
    source of a requirement (贯彻党中央、国务院、省委的部署) is a source throughout, and one
    that a verb of guiding opens (发动广大职工、妇女、学生…) an audience throughout."""
    for i in range(len(mentions) - 2, -1, -1):
        if _JOINERS.match(text[mentions[i].end:mentions[i + 1].start]) and cues[i + 1] == "source":
            cues[i] = "source"
    for i in range(1, len(mentions)):
        if _JOINERS.match(text[mentions[i - 1].end:mentions[i].start]) and cues[i - 1] in ("source", "audience"):
            cues[i] = cues[i - 1]
    for i in range(len(mentions) - 2, -1, -1):
        gap = text[mentions[i].end:mentions[i + 1].start]
        if _JOINERS.match(gap) and cues[i + 1] in ("subject", "receiver", "owner") and cues[i] in ("other", "opens"):
            cues[i] = cues[i + 1]
    for i in range(1, len(mentions)):
        gap = text[mentions[i - 1].end:mentions[i].start]
        if _JOINERS.match(gap) and cues[i - 1] in ("subject", "receiver", "owner") and cues[i] in ("other", "opens") \
                or gap == "、" and cues[i - 1] == "opens" and cues[i] == "other":
            cues[i] = cues[i - 1]


def resolve(text: str, lo: int, hi: int, mentions: list[Mention], org: Organisation,
            issuer: str | None) -> tuple[list[Cluster], dict[str, int]]:
    """Actors as clusters of names, and the cluster of each name."""
    lex = lexicon()
    marks = clause_marks(text, lo, hi)
    cues = [cue_of(text, m, lo, lex, marks) for m in mentions]
    _propagate(text, mentions, cues)
    in_org = org.spans
    members = {mem.name for mem, _, _ in org.members}
    org_aliases = {alias for alias, _ in org.aliases}
    self_names = {w for w in lex.issuer_self if _speaks_for(w, issuer)} | ({issuer} if issuer else set())
    role_name = dict(org.role_names)
    kept: list[Mention] = []
    for m, cue in zip(mentions, cues, strict=True):
        inside_org = any(s <= m.start < e for s, e in in_org)
        if m.name in _ROLE_LABELS and (inside_org or cue != "subject"):
            continue
        if is_bare_generic(m.name) and m.name not in members and m.name not in org_aliases \
                and not (m.name in lex.bare_doers and cue in ("subject", "receiver", "owner")):
            continue
        if m.kind == "role" and text.startswith(("：", ":"), m.end) and inside_org:
            # 办公室主任：XXX labels the member that follows; the member is the actor.
            continue
        if cue == "opens":
            # Opening a clause makes a body its doer; an audience or a generic role
            # (学生, 人员) opens clauses about it as often as clauses it must act on,
            # unless the name says whose it is (学院主要领导).
            generic = m.head in lex.audiences or m.head in lex.generic_roles and _core(m.name, lex) == m.head
            cue = "other" if generic else "subject"
        if m.head in lex.audiences and m.kind == "collective" and cue != "subject":
            continue
        if cue in ("subject", "receiver", "owner") or m.name in self_names or m.name in role_name or m.kind in ("group", "office") and cue not in ("source", "elsewhere") \
                or inside_org and m.kind != "role":
            kept.append(m)
    clusters: list[Cluster] = []
    index: dict[str, int] = {}

    def cluster_for(name: str, kind: str, at: int) -> Cluster:
        if name in index:
            return clusters[index[name]]
        c = Cluster(kind=kind, first=at)
        c.names[name] = 0
        clusters.append(c)
        index[name] = len(clusters) - 1
        return c

    for full, _, span in org.part_of:
        cluster_for(full, "office" if full.endswith("办公室") else "group", span[0])
    titles = Counter(alias for mem, _, _ in org.members for alias in mem.aliases if alias in lex.person_titles)
    for mem, _group, _role in org.members:
        c = cluster_for(mem.name, mem.kind, mem.span[0])
        c.add(mem.name, mem.span)
        for alias in mem.aliases:
            # A title held by one member only (朱凤瑞校长 … 向校长报告) names that person.
            if alias not in _ROLE_LABELS and (alias not in lex.person_titles or titles[alias] == 1):
                index.setdefault(alias, index[mem.name])
    for full, host, span in org.located_in:
        cluster_for(full, "office", span[0])
        cluster_for(host, "unit", span[0])
    for alias, full in org.aliases:
        if full in index:
            index.setdefault(alias, index[full])
    member_at = [(mem.span, mem.name) for mem, _, _ in org.members]
    for m in kept:
        name = m.name
        owner = next((n for (s, e), n in member_at if s <= m.start < e or m.start <= s < m.end), None)
        if owner is not None and owner in index:
            clusters[index[owner]].add(owner, (m.start, m.end))
            continue
        if name in self_names or m.name in ("学校", "本校", "我校") and _issuer_is_school(issuer):
            c = _issuer_cluster(clusters, index, issuer, m)
        elif name in index:
            c = clusters[index[name]]
        else:
            target = _longer_form(name, m, index, clusters, lex)
            if target is None:
                c = cluster_for(name, _kind(m, lex), m.start)
            else:
                c = clusters[target]
                index.setdefault(name, target)
        c.add(name, (m.start, m.end))
    for other, role in org.role_names:
        if other in index and role in index and index[other] != index[role]:
            _merge(clusters, index, index[other], index[role])
    _merge_short_forms(clusters, index, lex)
    _merge_own_forms(clusters, index, lex)
    live = {i: n for n, i in enumerate(i for i, c in enumerate(clusters) if c.names)}
    return [c for c in clusters if c.names], {name: live[i] for name, i in index.items() if i in live}


def _merge_own_forms(clusters: list[Cluster], index: dict[str, int], lex: ActorLexicon) -> None:
    """Join names that differ only by a word saying the body is the issuer's own: 学院安全维稳部门,
    校园安全维稳部门 and 安全维稳部门 in a college's plan."""
    owner_of: dict[str, int] = {}
    for i, c in enumerate(clusters):
        if not c.names or c.kind in ("person", "group"):
            continue
        for name in list(c.names):
            own = _own_core(name, lex)
            if len(own) < 4 or is_bare_generic(own):
                continue
            j = owner_of.setdefault(own, i)
            if j != i and clusters[j].names and c.names:
                _merge(clusters, index, i, j)
                break


def _own_core(name: str, lex: ActorLexicon) -> str:
    for own in lex.own_qualifiers:
        if name.startswith(own) and len(name) > len(own) + 1:
            return name[len(own):]
    return name


def _core(name: str, lex: ActorLexicon) -> str:
    for pre in lex.collective_prefixes:
        if name.startswith(pre) and len(name) > len(pre) + 1:
            return name[len(pre):]
    return name


def _merge_short_forms(clusters: list[Cluster], index: dict[str, int], lex: ActorLexicon) -> None:
    """Join a cluster whose only name is the tail of exactly one other actor's name, or the same
    name behind another distributive prefix (各部门 / 各有关部门)."""
    live = [i for i, c in enumerate(clusters) if c.names]
    # Which clusters hold a name ending in a given tail, or with a given core: the candidates a
    # short form is checked against, instead of every cluster.
    by_tail: dict[str, set[int]] = {}
    by_core: dict[str, set[int]] = {}
    for i in live:
        for o in clusters[i].names:
            _index_name(o, i, by_tail, by_core, lex)
    for i in live:
        c = clusters[i]
        if len(c.names) != 1:
            continue
        name = next(iter(c.names))
        if len(name) < 2 or is_bare_generic(name) or c.kind == "person":
            continue
        core = _core(name, lex)
        candidates = by_tail.get(name, set()) | (by_core.get(core, set()) if core != name else set())
        hosts = {j for j in candidates if j != i and clusters[j].names and any(
            (o.endswith(name) and o != name and not _another_rank(name, o, lex))
            or (core != name and _core(o, lex) == core and len(o) > len(name))
            for o in clusters[j].names)}
        if len(hosts) != 1:
            continue
        j = hosts.pop()
        for o in c.names:
            _index_name(o, j, by_tail, by_core, lex)
        _merge(clusters, index, i, j)


def _index_name(name: str, i: int, by_tail: dict[str, set[int]], by_core: dict[str, set[int]],
                lex: ActorLexicon) -> None:
    for k in range(len(name) - 1):
        by_tail.setdefault(name[k:], set()).add(i)
    by_core.setdefault(_core(name, lex), set()).add(i)


def _merge(clusters: list[Cluster], index: dict[str, int], i: int, j: int) -> None:
    """Fold cluster i into cluster j; i is left empty."""
    c, host = clusters[i], clusters[j]
    for n, k in c.names.items():
        host.names[n] = host.names.get(n, 0) + k
    host.mentions.extend(c.mentions)
    c.names.clear()
    c.mentions.clear()
    for n, k in list(index.items()):
        if k == i:
            index[n] = j


def _another_rank(short: str, long: str, lex: ActorLexicon) -> bool:
    """Whether the longer role is another post, not a fuller name of the same one: 主管校长 is not
    校长, and a generic 责任人 is not the 监控责任人 named before it."""
    return long[: -len(short)] in lex.rank_modifiers or short in lex.generic_roles


def _speaks_for(word: str, issuer: str | None) -> bool:
    """Whether a plan's word for itself fits its issuer: 我局 for a 林业局, not 我市."""
    if not issuer or word.endswith(("单位", "公司")):
        return True
    if word.endswith("校"):
        return _issuer_is_school(issuer)
    return word[-1] in issuer


def _issuer_is_school(issuer: str | None) -> bool:
    return bool(issuer) and re.search(r"(学校|学院|中学|小学|大学|幼儿园)$", issuer or "") is not None


def _issuer_cluster(clusters: list[Cluster], index: dict[str, int], issuer: str | None, m: Mention) -> Cluster:
    key = "\x00issuer"
    if key not in index:
        clusters.append(Cluster(kind="unit", first=m.start))
        index[key] = len(clusters) - 1
        if issuer:
            clusters[-1].names[issuer] = 0
    return clusters[index[key]]


def _kind(m: Mention, lex: ActorLexicon) -> str:
    if m.name in lex.externals:
        return "external"
    return m.kind


def _longer_form(name: str, m: Mention, index: dict[str, int], clusters: list[Cluster],
                 lex: ActorLexicon) -> int | None:
    """The actor a short form stands for: the one longer name it ends, or its own name with 各 dropped."""
    if len(name) < 2 or is_bare_generic(name):
        return None
    for pre in lex.collective_prefixes:
        if (pre + name) in index:
            return index[pre + name]
    candidates = {i for other, i in index.items()
                  if other != name and other.endswith(name) and not other.startswith("\x00")
                  and not _another_rank(name, other, lex) and clusters[i].first <= m.start}
    if len(candidates) == 1:
        return candidates.pop()
    return None

