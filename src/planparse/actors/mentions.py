"""Mentions of actors in running text, found from their heads.

A name is found from its right end: a head word (a body suffix such as 领导小组, 局, 办公室;
a role such as 班主任; a collective head such as 县区; a placeholder XXX), then walked left
over the characters that can belong to a name until a word that cannot start or sit inside
one (成立, 由, 向, 和, 的 …), a distributive prefix (各, 全体, 有关) that starts it, or
punctuation. Single-character suffixes (局, 处, 部 …) count only where the segmenter ends a
word with them, which is what tells 政教处 from 处置 and 教学部 from 部署.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from ..segmenter import is_word, tag
from .lexicon import ActorLexicon, lexicon

_MAX_NAME = 24
# X stands for a blank name (XXX) and so ends a name rather than belonging to one.
_NAME_CHAR = re.compile(r"[\u4e00-\u9fff\u30070-9A-WYZa-wyz·]")
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_LABEL_INSIDE = re.compile(r"[一二三四五六七八九十百\d０-９]+")
_CLOSE_OPEN = {"）": "（", ")": "(", "”": "“", "」": "「"}
# Bodies written bare are names only when they are this specific: 部门 alone names nothing.
_BARE_GENERIC = frozenset({"部门", "单位", "机构", "机关", "中心", "政府", "学校", "小组", "委员", "成员",
                           "人员", "领导", "工作组", "医院", "公司", "集团", "协会", "办公室"})

# Bare heads that a plan does use as names of a body it has just set up (下设办公室).
_SET_UP_HEADS = frozenset({"办公室", "小组", "工作组"})


_OWNER_ITEM = re.compile(r"[\u4e00-\u9fff（）()]{2,20}?(?=[，,、；;。）)\n]|$)")
_OWNER_SEPARATORS = frozenset("，,、；;")


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names an actor, with the kind its head gives."""

    start: int
    end: int
    name: str
    kind: str
    head: str


# Word classes (jieba's tags) that never sit inside a name: prepositions, conjunctions,
# particles, pronouns, adverbs, idioms, measure words, punctuation.
_NEVER_INSIDE = frozenset({"p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "d", "ad", "l", "q", "y",
                           "e", "o", "x", "z", "i", "t", "tg", "df", "dg"})
_NOT_NOUN_TAGS = ("v", "c", "d", "p", "a", "m")
# Groups and offices carry their purpose in their name (突发事件处置领导小组), so a verb
# does not end one; other names end at a verb unless it sits between two nouns (市防火委).
_LENIENT_KINDS = frozenset({"group", "office"})


@dataclass
class Words:
    """The plan's words (from the segmenter) with their tags, looked up by character position."""

    starts: list[int]
    tags: list[str]

    def word_ending_at(self, pos: int) -> int | None:
        i = self.word_at(pos - 1) if pos > 0 else -1
        return i if i >= 0 and (i + 1 == len(self.starts) or self.starts[i + 1] == pos) else None

    def word_at(self, pos: int) -> int:
        # A look-up per step of a name's walk is cheaper than an index of every character.
        return bisect_right(self.starts, pos) - 1


def _noun_compound(word: str) -> bool:
    """A four-character noun compound (义务教育, 消防安全) that jieba tags like a set phrase
    opening a clause (充分发挥, 建立健全): told apart by whether its first half is a noun."""
    head = word[:2]
    return len(word) == 4 and is_word(head) and _tag_of(head).startswith("n")


@cache
def _tag_of(word: str) -> str:
    return tag(word)[0][1]


def tag_words(text: str, spans: Sequence[tuple[int, int]]) -> Words:
    """The words of each span; a gap between spans counts as one untagged word ("x").

    jieba cuts each run of ideographs on its own, so a sentence tagged alone gets the words it
    gets inside the whole text."""
    # The text before the first span is one untagged word too, so every position has a word.
    starts: list[int] = [0]
    tags: list[str] = ["x"]
    for lo, hi in spans:
        words, word_tags = zip(*tag(text[lo:hi]), strict=True)
        starts += accumulate(map(len, words[:-1]), initial=lo)
        tags += word_tags
        starts.append(hi)
        tags.append("x")
    return Words(starts, tags)


def _sentences_with(text: str, lo: int, hi: int, points: list[int]) -> list[tuple[int, int]]:
    """The sentences of text[lo:hi] that hold one of `points`, each with its closing mark."""
    ends = [m.start() for m in _SENTENCE_END.finditer(text, lo, hi)]
    spans: list[tuple[int, int]] = []
    for point in points:
        k = bisect_right(ends, point)
        start = ends[k - 1] + 1 if k else lo
        end = min(ends[k] + 1, hi) if k < len(ends) else hi
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _verb_ending(text: str, suffix_at: int, words: Words) -> bool:
    """Whether the word that ends in a one-character suffix is a verb or the like (举办, 严肃查处).

    jieba's tag of a longer word is unreliable (严肃查处/nr, 维稳处/v), so there the suffix and
    the character before it are looked up on their own: 查处 is a verb, 稳处 no word."""
    i = words.word_at(suffix_at)
    if words.starts[i] == suffix_at - 1:
        return words.tags[i][:1] in _NOT_NOUN_TAGS
    pair = text[suffix_at - 1:suffix_at + 1]
    return is_word(pair) and _tag_of(pair)[:1] in _NOT_NOUN_TAGS


def _walk_left(text: str, lo: int, head_start: int, words: Words, lex: ActorLexicon,
               lenient: bool, verb_modified: bool = False) -> tuple[int, bool]:
    """Where the name ending in the head at `head_start` begins, and whether a collective prefix opens it.

    `verb_modified` heads (人员) take the verb right before them into the name (调解人员)."""
    p = head_start
    if p > lo and words.starts[words.word_at(p - 1)] < p and words.word_at(p - 1) == words.word_at(p):
        p = max(lo, words.starts[words.word_at(p)])
        if text[p:head_start] in lex.verbs_before_names and text[head_start] not in lex.single_suffixes:
            # 实施单位, 印发单位: the segmenter glued the clause's verb to the head.
            return head_start, False
        if text[p] in lex.glued_stop_chars:
            while p < head_start and text[p] in lex.glued_stop_chars:
                p += 1
            return p, False
        if text.startswith(lex.collective_prefixes, p):
            return p, True
    floor = max(lo, head_start - _MAX_NAME)
    while p > floor:
        if text.endswith(lex.collective_prefixes, floor, p):
            for pre in lex.collective_prefixes:
                q = p - len(pre)
                if q >= floor and text.startswith(pre, q) and words.word_ending_at(p) is not None \
                        and (q == lo or words.starts[words.word_at(q)] == q):
                    return q, True
        joined = text.endswith(lex.joined_names, floor, p) and \
            next(w for w in lex.joined_names if text.endswith(w, floor, p))
        if joined:
            p -= len(joined)
            continue
        ch = text[p - 1]
        if ch in _CLOSE_OPEN:
            q = text.rfind(_CLOSE_OPEN[ch], max(floor, p - 14), p - 1)
            if q < 0 or text.startswith(("设在", "以下简称", "简称"), q + 1) \
                    or _LABEL_INSIDE.fullmatch(text, q + 1, p - 1):
                # （一）学校招生工作领导小组: a section's number is not part of the name.
                break
            p = q
            continue
        if not _NAME_CHAR.match(ch):
            break
        i = words.word_at(p - 1)
        w_start = words.starts[i]
        word = text[w_start:p]
        tag = words.tags[i]
        if word in lex.name_modifiers:
            p = w_start
            continue
        if len(word) > 1 and word[-1] in lex.glued_stop_chars and not is_word(word):
            # 11时向二级部门: jieba glued the preposition to the word before the name.
            break
        if text[p] in "（(" and any(word.startswith(pre) and len(word) > len(pre) for pre in lex.collective_prefixes):
            # 各县（市）区: jieba glues 各 to the place before the bracket.
            return w_start, True
        if tag == "m" and not word.endswith("级") and not word.startswith("第"):
            # 2025年每千常住人口…, 100间…: counts end a name; ranks (一级医院, 第一责任人) do not.
            break
        compound = tag in ("l", "i") and _noun_compound(word)
        # A name may hold some of them as nouns (社区教育工作领导小组, 现代教育技术中心).
        stop_word = word in lex.left_stops and not (word in lex.group_name_words and (lenient or tag in ("n", "vn")))
        if stop_word or word in lex.roles \
                or tag in _NEVER_INSIDE and not compound and not (lenient and tag == "l"):
            break
        if not lenient and (word in lex.verbs_before_names or word in lex.abstract_nouns):
            break
        if len(word) > 1 and word[0] in lex.glued_stop_chars and word[1:] in lex.places:
            p = w_start + 1
            break
        if tag == "f" and len(word) == 1 and not lenient:
            # 建设100间…工作室: a one-character locative ends a unit's name (二级以上医院 keeps 以上).
            break
        if tag == "v" and not lenient and not (verb_modified and p == head_start):
            break
        p = w_start
    if p > lo and text[p] in "（(" and _NAME_CHAR.match(text[p - 1]):
        # A name does not open with a bracket: 本县（市）区 keeps the word that the bracket glosses.
        w_start = max(lo, words.starts[words.word_at(p - 1)])
        return w_start, text.startswith(lex.collective_prefixes, w_start)
    return p, False


def find_mentions(text: str, lo: int, hi: int, breaks: Sequence[int] = ()) -> list[Mention]:
    """Every actor-like name inside text[lo:hi], longest forms only, in order.

    `breaks` are offsets no name runs across: the ends of run-in headings, which a plan often
    glues to the sentence after them (落实执勤战备制度消防部门要…)."""
    lex = lexicon()
    breaks = sorted(breaks)
    heads = [m for m in lex.heads.finditer(text, lo, hi) if not _stray_collective(text, lo, m, lex)]
    # Only the sentences that hold a head are segmented: a name never runs across a sentence end.
    words = tag_words(text, _sentences_with(text, lo, hi, [m.start() for m in heads]))
    found: list[Mention] = []
    for m in heads:
        s, e = m.span()
        if m.group("ph"):
            # A blank for a number or a date (联系电话：XXXX, XXXX学年) is no person.
            if not text.startswith(lex.placeholder_not_before, e) \
                    and not any(w in text[max(lo, s - 6):s] for w in lex.placeholder_not_after):
                found.append(Mention(s, e, m.group(), "person", m.group()))
            continue
        head = m.group("head")
        ends_word = e == hi or words.word_at(e) != words.word_at(e - 1)
        if not ends_word and (head not in lex.roles or words.starts[words.word_at(s)] < s):
            # The head runs on into a longer word (处置, 部署, 中心城区), or straddles two
            # (确保|安全 holds 保安); a role may still be glued to what follows it (主任要).
            continue
        suffix_word = words.word_at(e - 1)
        if head in lex.single_suffixes and (text[s:e + 1] in lex.particle_words
                                            or words.starts[suffix_word] < s and _verb_ending(text, s, words)):
            # 系统所需: the suffix is a particle with what follows; 举办, 督办, 严肃查处: the word
            # that ends in the suffix is no noun.
            continue
        kind = lex.head_kind(head)
        if len(head) == 1 and head in lex.bare_doers and not text.endswith(lex.collective_prefixes, lo, s):
            # 市将对各县区进行督察: the city as the doer of its own clause, the plan's own level of
            # government; elsewhere a lone 市 is part of a list (市、县级) or a modifier (市家庭平台).
            if words.starts[words.word_at(s)] == s and words.word_ending_at(e) is not None \
                    and text.startswith(lex.subject_cues, e) \
                    and (s == lo or not _NAME_CHAR.match(text[s - 1]) or words.tags[words.word_at(s - 1)] in ("t", "f")):
                found.append(Mention(s, e, head, "unit", head))
            continue
        if head in lex.issuer_self:
            # 我校, 本局 are whole: what stands before them belongs to the sentence (复试前我校…).
            found.append(Mention(s, e, head, kind, head))
            continue
        k = bisect_right(breaks, s)
        floor = max(lo, breaks[k - 1]) if k else lo
        start, collective = _walk_left(text, floor, s, words, lex, kind in _LENIENT_KINDS,
                                       head in lex.verb_modified_heads)
        name = text[start:e]
        if name.endswith(lex.not_bodies) or kind == "role" and name.startswith(lex.outsiders):
            continue
        if collective and kind not in ("role", "person"):
            kind = "collective"
        elif kind == "collective" and not collective and head not in lex.audiences \
                and head not in lex.named_collectives and (head not in lex.qualified_collectives or name == head):
            # 地, 村, 社区 name a set of bodies only behind 各 / 全体 (各地, not 针对性地); 部室
            # also after a word that says which (承办部室); 试点地区 names its set by itself.
            continue
        if name in lex.owner_labels and (text.startswith(("：", ":"), e)
                                         or text[start - 1:start] in ("\t", "\n") and text[e:e + 1] in ("\t", "\n")):
            # 牵头单位：…, or a table's 牵头单位 column, labels owners; it is no body.
            continue
        if name == head and (head in lex.single_suffixes
                             or head in _BARE_GENERIC and head not in _SET_UP_HEADS and head not in lex.bare_doers):
            continue
        found.append(Mention(start, e, name, kind, head))
    found += _owner_list_items(text, lo, hi, lex)
    return _outermost(found)


def _stray_collective(text: str, lo: int, m: re.Match[str], lex: ActorLexicon) -> bool:
    """A one-character collective head (地, 村) not right behind 各 / 全体: most are other words,
    so they are dropped before any segmenting."""
    head = m.group("head")
    return head is not None and len(head) == 1 and head in lex.collective_heads and head not in lex.bare_doers \
        and not text.endswith(lex.collective_prefixes, lo, m.start())


def _owner_list_items(text: str, lo: int, hi: int, lex: ActorLexicon) -> list[Mention]:
    """Each item of an owner list (（责任单位：教育厅，省委编办、省扶贫开发局）) is one whole name:
    the list says where names start, which walking left from a head only guesses."""
    out: list[Mention] = []
    for label in lex.owner_list.finditer(text, lo, hi):
        for item in _OWNER_ITEM.finditer(text, label.end(), hi):
            name = item.group()
            head = lex.heads.search(name)
            while head and head.end() < len(name):
                head = lex.heads.search(name, head.start() + 1)
            if head and head.group("head") and len(name) > len(head.group()):
                kind = lex.head_kind(head.group())
                if name.startswith(lex.collective_prefixes) and kind not in ("role", "person"):
                    kind = "collective"
                out.append(Mention(item.start(), item.end(), name, kind, head.group()))
            if text[item.end():item.end() + 1] not in _OWNER_SEPARATORS:
                break
    return out


def _outermost(found: list[Mention]) -> list[Mention]:
    """Drop mentions that lie inside a longer one (学校 inside 学校办公室)."""
    found.sort(key=lambda m: (m.start, -m.end))
    out: list[Mention] = []
    for m in found:
        if out and m.start >= out[-1].start and m.end <= out[-1].end:
            continue
        while out and out[-1].start >= m.start and out[-1].end <= m.end:
            out.pop()
        out.append(m)
    return out


def is_bare_generic(name: str) -> bool:
    return name in _BARE_GENERIC
