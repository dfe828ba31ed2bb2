import numpy as np

from planparse.compare.kinds import KindMeasure, outline_roles, title_terms
from planparse.compare.signature import Signature

OUTLINE = ((1, "一、指导思想"), (1, "二、组织领导"), (1, "三、工作任务"), (1, "四、工作要求"))


def _sig(title: str, headings: tuple[tuple[int, str], ...] = OUTLINE) -> Signature:
    return Signature(title, title, 0, np.zeros(1, dtype=np.uint64), headings)


def test_title_terms_leave_out_issuer_years_placeholders_and_generic_words() -> None:
    assert title_terms("XX县教育局关于印发2022年二十大期间安保工作实施方案的通知") == {"二十", "十大", "安保"}
    assert title_terms("吉林省林业局－林业局营商环境实施方案") == title_terms("林业局营商环境工作方案")
    assert title_terms("工作方案") == frozenset()


def test_outline_roles_are_the_parts_of_the_top_level_headings_in_order() -> None:
    headings = ((1, "一、指导思想"), (2, "（一）加强组织领导"), (1, "二、健全组织加强领导"), (1, "三、领导小组"),
                (1, "四、住宿"), (1, "五、保障措施"))
    assert outline_roles(headings) == ("指导思想", "组织领导", "工作要求")


def test_a_rare_shared_word_counts_more_than_a_common_one_once_the_corpus_is_large() -> None:
    # 25 plans: 安全 in most titles, 二十大 in two.
    titles = ["二十大维稳方案", "二十大消防方案"] + [f"{w}安全方案" for w in "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天"]
    kinds = KindMeasure([_sig(t) for t in titles])
    assert kinds.weight("二十") > 0.7 > 0.3 > kinds.weight("安全")
    assert kinds.score(0, 1) > kinds.score(2, 3)


def test_under_the_corpus_size_for_rarity_every_telling_word_weighs_the_same() -> None:
    kinds = KindMeasure([_sig("二十大维稳方案"), _sig("二十大消防方案"), _sig("食品安全方案")])
    assert kinds.weight("二十") == kinds.weight("食品") == 1.0


def test_the_outline_confirms_but_never_makes_a_kind() -> None:
    kinds = KindMeasure([_sig("食品安全方案"), _sig("防汛抗旱方案"), _sig("食品安全方案", ((1, "一、住宿"),))])
    assert kinds.score(0, 1) == 0
    assert kinds.score(0, 2) == 1.0 and kinds.title_similarity(0, 2) == 1.0
    assert kinds.outline_similarity(0, 1) == 1.0
