from planparse.compare.reuse import shared_passages

SHARED = "各学校要每月组织一次安全教育课，提高学生自我保护能力，增强师生安全防范意识。"


def _passages(a: str, b: str):
    return shared_passages(a, (0, len(a)), b, (0, len(b)))


def test_a_shared_passage_is_found_with_its_span_in_both_texts() -> None:
    a = "第一段完全不同的开头文字。" + SHARED + "结尾甲。"
    b = "另外一种写法的引言部分，长度也不一样。" + SHARED
    [p] = _passages(a, b)
    assert a[p.a[0]:p.a[1]] == b[p.b[0]:p.b[1]] == SHARED
    assert p.identity == 1


def test_a_small_edit_does_not_break_a_passage_in_two() -> None:
    edited = SHARED.replace("提高学生", "切实提升学生")
    [p] = _passages("开头。" + SHARED, "起首。" + edited)
    assert p.identity < 1
    assert p.text.startswith("各学校要") and p.text.endswith("意识。")


def test_passages_are_longest_first_and_do_not_overlap() -> None:
    long, short = SHARED * 2, "领导小组办公室设在县教育局负责日常工作"
    a = long + "。中间隔开的文字甲乙丙丁戊己庚辛壬癸。" + short
    b = short + "，另有其他无关内容子丑寅卯辰巳午未申酉，" + long
    passages = _passages(a, b)
    assert [p.chars for p in passages] == sorted((p.chars for p in passages), reverse=True)
    spans = sorted(p.a for p in passages)
    assert all(x[1] <= y[0] for x, y in zip(spans, spans[1:], strict=False))


def test_whitespace_and_line_wraps_do_not_matter() -> None:
    [p] = _passages(SHARED, SHARED[:15] + "\n  " + SHARED[15:])
    assert p.chars == len(SHARED)


def test_short_and_placeholder_passages_are_ignored() -> None:
    assert _passages("甲乙丙丁戊己庚辛壬癸子", "甲乙丙丁戊己庚辛壬癸子") == []
    filler = "XXXXXXXXXXXXXXXX：XXX、XXXXXXXXXX"
    assert _passages("开头" + filler, "起首" + filler) == []
