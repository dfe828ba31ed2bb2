"""The plan's own organisation: who sits in which group with which role, what is set up where.

Read from the statements plans use for it:
- 成立以XX任组长，XX、XXX任副组长，…为成员的…领导小组
- 成立…领导小组，由金永善局长任组长，胡希刚局长任副组长，…为成员
- 组长：XXX 副组长：XX 成员：…   (one role a line, or glued together)
- 领导小组下设办公室（设在学校办公室），办公室主任：XXX
- 办公室设在区法律援助中心;  …（以下简称领导小组）;  市消防支队支队长XX兼任办公室主任
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..firstchars import with_lead
from .lexicon import lexicon
from .mentions import Mention

_ROLE_WORDS = ("常务副组长", "副组长", "组长", "副主任", "主任", "秘书长", "副指挥长", "总指挥", "指挥长",
               "成员", "组员", "联络员")
_ROLE = "|".join(_ROLE_WORDS)
# Opening with an optional word, the pattern would be tried in full at every position without
# the lookahead of its first characters.
_OFFICE_ROLE = re.compile(with_lead(rf"(?:办公室)?(?P<role>{_ROLE})\s*[：:]"))
_ASSIGN = re.compile(rf"(?:任|为|担任|兼任|作为)(?P<role>{_ROLE})")
_SUB_OFFICE = re.compile(r"下设(?P<what>[^，。；（(]{0,12}?办公室|[^，。；（(]{0,12}?小组|办公室)")
_LOCATED = re.compile(r"(?:（|\()?设在(?P<host>[^，。；）)]{2,24})")
_SHORT = re.compile(r"[（(](?:以下)?简称[“\"]?(?P<short>[^）)”\"]{2,16})[”\"]?[）)]")
_ITEM_SPLIT = re.compile(r"[，,；;]")
_ROLE_AS = re.compile(r"(?:作为|为|是)(?:[^，。；;,]{0,14}的)?")
_NAME_THEN_POSTS = re.compile(r"([\u4e00-\u9fff]{2,4})[（(][^）)]+[）)]")
_NAME_ONLY = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


@dataclass
class Member:
    name: str
    span: tuple[int, int]
    kind: str
    aliases: tuple[str, ...] = ()


@dataclass
class Organisation:
    """What the organisation statements of one plan say."""

    members: list[tuple[Member, str, str]] = field(default_factory=list)   # member, group name, role
    part_of: list[tuple[str, str, tuple[int, int]]] = field(default_factory=list)
    located_in: list[tuple[str, str, tuple[int, int]]] = field(default_factory=list)
    aliases: list[tuple[str, str]] = field(default_factory=list)   # (alias, full name)
    role_names: list[tuple[str, str]] = field(default_factory=list)   # (another name, role)
    set_up: list[str] = field(default_factory=list)
    offices: dict[int, str] = field(default_factory=dict)   # start of a bare 办公室 mention -> full name
    spans: list[tuple[int, int]] = field(default_factory=list)


def _strip_title(item: str) -> tuple[str, str | None]:
    """A person's name and title (朱凤瑞校长, 局长金永善); a body's post (各科室主任, 教学部部长) is no name."""
    for title in lexicon().person_titles:
        if item.endswith(title) and _is_personal_name(item[: -len(title)]):
            return item[: -len(title)], title
        if item.startswith(title) and _is_personal_name(item[len(title):]):
            return item[len(title):], title
    return item, None


def _is_personal_name(s: str) -> bool:
    lex = lexicon()
    return bool(_NAME_ONLY.match(s)) and not _has_head(s) and not s.startswith(lex.collective_prefixes) \
        and not any(s.endswith(h) for h in lex.collective_heads)


def _members(text: str, lo: int, hi: int, mentions: list[Mention]) -> list[Member]:
    """The people or roles listed in text[lo:hi] (XXX、XX; 李学山、许久林; 各科室主任、教学部部长)."""
    out: list[Member] = []
    lex = lexicon()
    for piece in _pieces(text, lo, hi):
        ps, pe = piece
        raw = text[ps:pe].strip("由以和及与等同志")
        if not raw:
            continue
        inner = [m for m in mentions if m.start >= ps and m.end <= pe]
        parts = [p for p in re.split(r"[、]", text[ps:pe]) if p]
        split_ok = len(parts) > 1 and all(
            lex.placeholder.fullmatch(p) or _NAME_ONLY.match(_strip_title(p)[0]) and not _has_head(p)
            or any(p.endswith(r) for r in lex.roles) for p in parts)
        if split_ok:
            pos = ps
            for p in parts:
                s = text.index(p, pos)
                out.append(_member(p, (s, s + len(p)), inner))
                pos = s + len(p)
        else:
            stripped = text[ps:pe]
            out.append(_member(stripped, (ps, pe), inner))
    return [m for m in out if m.name]


def _has_head(s: str) -> bool:
    lex = lexicon()
    return any(s.endswith(h) for h in lex.suffix_kind) or any(s.endswith(r) for r in lex.roles)


def _member(item: str, span: tuple[int, int], inner: list[Mention]) -> Member:
    lex = lexicon()
    item = item.strip()
    if lex.placeholder.fullmatch(item):
        return Member(item, span, "person")
    titled = _NAME_THEN_POSTS.fullmatch(item)
    if titled and _is_personal_name(titled.group(1)):
        # 江丛林（县委组织部副部长、县人社局局长）: a person and the posts they hold.
        return Member(titled.group(1), (span[0], span[0] + len(titled.group(1))), "person")
    name, title = _strip_title(item)
    if title:
        return Member(name, span, "person", (item, title))
    covering = [m for m in inner if m.start <= span[0] + 1 and m.end >= span[1] - 1]
    if covering:
        return Member(covering[0].name, span, covering[0].kind)
    ph = lex.placeholder.search(item)
    if ph and ph.start() > 0:
        # 市消防支队支队长XX: the role written before the blank names who it is.
        return Member(item[: ph.start()], (span[0], span[0] + ph.start()), "role")
    if _NAME_ONLY.match(item) and not _has_head(item):
        return Member(item, span, "person")
    return Member(item, span, "role")


def _pieces(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    out, pos = [], lo
    for m in _ITEM_SPLIT.finditer(text, lo, hi):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, hi))
    return [(s, e) for s, e in out if e > s]


def read_organisation(text: str, lo: int, hi: int, mentions: list[Mention]) -> Organisation:
    org = Organisation()
    groups = [m for m in mentions if m.kind in ("group", "office")]
    for m in _SHORT.finditer(text, lo, hi):
        before = [g for g in mentions if g.end <= m.start() and m.start() - g.end <= 2]
        if before:
            org.aliases.append((m.group("short"), before[-1].name))
            org.spans.append((before[-1].start, m.end()))
    _read_role_names(text, mentions, org)
    _read_set_up(text, lo, hi, mentions, groups, org)
    _read_offices(text, lo, hi, groups, org)
    _read_role_lists(text, lo, hi, mentions, groups, org)
    return org


def _read_role_names(text: str, mentions: list[Mention], org: Organisation) -> None:
    """一把手作为安全稳定工作的第一责任人, 主管领导为直接责任人: the second role names the first."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        if a.kind == "role" and b.kind == "role" and b.name not in lexicon().generic_roles \
                and _ROLE_AS.fullmatch(text, a.end, b.start):
            org.role_names.append((b.name, a.name))


def _sentence_end(text: str, pos: int, hi: int) -> int:
    m = re.compile(r"[。\n]").search(text, pos, hi)
    return m.start() if m else hi


def _read_set_up(text: str, lo: int, hi: int, mentions: list[Mention], groups: list[Mention],
                 org: Organisation) -> None:
    """成立以A任组长，B为成员的G / 成立G，由A任组长，B任副组长，C为成员."""
    lex = lexicon()
    for su in lex.set_up.finditer(text, lo, hi):
        if lex.set_up_directed.search(text, max(lo, su.start() - 4), su.start()):
            # 各县区要成立…: the plan tells others to set a body up; it is not the plan's own.
            continue
        end = _sentence_end(text, su.end(), hi)
        group = next((g for g in groups if su.end() <= g.start < end and g.kind == "group"), None)
        if group is None:
            continue
        org.set_up.append(group.name)
        org.spans.append((su.start(), group.end))
        # Members before the group's name (…为成员的G) and after it (G，由A任组长).
        for seg_lo, seg_hi in ((su.end(), group.start), (group.end, end)):
            _assignments(text, seg_lo, seg_hi, mentions, group.name, org)


def _assignments(text: str, lo: int, hi: int, mentions: list[Mention], group: str, org: Organisation) -> None:
    pos = lo
    for a in _ASSIGN.finditer(text, lo, hi):
        start = pos
        for piece_start in (m.end() for m in _ITEM_SPLIT.finditer(text, pos, a.start())):
            start = piece_start
        seg = text[start:a.start()]
        lead = re.match(r"^(?:以|由|决定由|请)", seg)
        seg_lo = start + (lead.end() if lead else 0)
        for member in _members(text, seg_lo, a.start(), mentions):
            org.members.append((member, group, a.group("role")))
        org.spans.append((seg_lo, a.end()))
        pos = a.end()


def _read_role_lists(text: str, lo: int, hi: int, mentions: list[Mention], groups: list[Mention],
                     org: Organisation) -> None:
    """组长：XXX 副组长：XX 成员：… ; 办公室主任：XXX，副主任：XX."""
    marks = list(_OFFICE_ROLE.finditer(text, lo, hi))
    current_office: str | None = None
    for i, m in enumerate(marks):
        nxt = marks[i + 1].start() if i + 1 < len(marks) else hi
        end = min(nxt, _sentence_end(text, m.end(), hi))
        cut = next((g.start for g in groups if m.end() < g.start < end), None)
        if cut is not None:
            end = cut
        owner = [g for g in groups if g.end <= m.start() and m.start() - g.end < 400]
        if not owner:
            continue
        target = owner[-1]
        # 办公室主任：XXX，副主任：XX: the office's list goes on past the host named before it.
        run_on = current_office is not None and i > 0 and \
            not any(marks[i - 1].end() <= g.start < m.start() for g in groups)
        if m.group().startswith("办公室"):
            offices = [g for g in owner if g.kind == "office"]
            set_up = [g for g in offices if g.start in org.offices]
            chosen = set_up[-1] if set_up else offices[-1] if offices else None
            current_office = _office_name(chosen, groups, org) if chosen else current_office
        elif target.kind == "office" and not run_on:
            current_office = _office_name(target, groups, org)
        name = current_office if current_office and (m.group().startswith("办公室") or target.kind == "office"
                                                     or run_on) else _group_name(target, groups)
        if not m.group().startswith("办公室") and target.kind != "office":
            current_office = None
        for member in _members(text, m.end(), end, mentions):
            org.members.append((member, name, m.group("role")))
        org.spans.append((m.start(), end))


def _group_name(g: Mention, groups: list[Mention]) -> str:
    """A bare 领导小组 stands for the full name of the group set up just before it."""
    if g.kind == "group":
        longer = [x for x in groups if x.end <= g.start and x.name.endswith(g.name) and x.name != g.name]
        if longer:
            return longer[-1].name
    return g.name


def _office_name(office: Mention, groups: list[Mention], org: Organisation) -> str:
    if office.start in org.offices:
        return org.offices[office.start]
    if office.name != "办公室":
        return office.name
    before = [g for g in groups if g.kind == "group" and g.end <= office.start]
    return (_group_name(before[-1], groups) + "办公室") if before else office.name


def _read_offices(text: str, lo: int, hi: int, groups: list[Mention], org: Organisation) -> None:
    """G下设办公室 (part_of), 办公室设在H / （设在H） (located_in)."""
    for m in _SUB_OFFICE.finditer(text, lo, hi):
        parent = [g for g in groups if g.end <= m.start() and m.start() - g.end <= 2]
        owner = [g for g in groups if g.kind == "group" and g.end <= m.start()]
        if not (parent or owner):
            continue
        group = _group_name(parent[-1] if parent else owner[-1], groups)
        what = m.group("what")
        full = group + what if what == "办公室" else what
        org.part_of.append((full, group, (m.start(), m.end())))
        org.offices[m.end() - len(what)] = full
        if what == "办公室":
            org.aliases.append(("办公室", full))
        org.spans.append((m.start(), m.end()))
    for m in _LOCATED.finditer(text, lo, hi):
        before = [g for g in groups if g.end <= m.start() and g.kind in ("office", "group")
                  and m.start() - g.end <= 3]
        if not before:
            continue
        office = before[-1]
        name = _office_name(office, groups, org) if office.kind == "office" else office.name
        if office.kind == "group" and text[m.start() - 3:m.start()] != "办公室":
            continue
        if office.kind == "group":
            name = _group_name(office, groups) + "办公室"
        host = re.split(r"[，。；、]", m.group("host"))[0]
        org.located_in.append((name, host, (m.start(), m.end())))
        org.spans.append((m.start(), m.end()))
        if office.kind == "office" and name != office.name:
            org.aliases.append((office.name, name))
        if not any(p[0] == name for p in org.part_of):
            groups_before = [g for g in groups if g.kind == "group" and g.end <= m.start()]
            if groups_before and office.kind == "office":
                org.part_of.append((name, _group_name(groups_before[-1], groups), (m.start(), m.end())))
