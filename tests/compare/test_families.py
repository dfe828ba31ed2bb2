import numpy as np
import pytest

import planparse
from planparse.compare import Corpus, compare

from .conftest import EXTRA_SECTION, plan_text

# A page of the shared corpus with a numbered outline, read as the page and as its plain text.
PAGE = "plan_004.html"


def _write(folder, texts: dict[str, str]) -> None:
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")


def test_a_page_and_its_plain_text_copy_are_near_duplicates_section_by_section(shared_corpus, tmp_path) -> None:
    page = shared_corpus / PAGE
    doc = planparse.parse(page)
    copy = tmp_path / "copy.txt"
    copy.write_text(doc.text, encoding="utf-8")
    c = compare(page, copy)
    assert c.aligned.pairs and not c.aligned.only_a and not c.aligned.only_b
    assert c.parts["text"] > 0.9
    [family] = [f for f in Corpus([page, copy], jobs=1).families() if f.kind == "near-duplicate"]
    assert sorted(family.members) == sorted([f"{PAGE}", "copy.txt"])


def _from_template(county: str, bodies: list[str], extra: str = "") -> str:
    """The same headings over different words: a template filled in by different bodies."""
    headings = ["一、指导思想", "二、组织领导", "三、工作任务", "四、工作要求"]
    sections = [f"{h}\n{b}\n" for h, b in zip(headings, bodies, strict=True)]
    return f"{county}校园安全工作实施方案\n\n" + "".join(sections[:3]) + extra + sections[3]


def test_plans_from_one_template_form_a_family_with_its_skeleton_and_deviations(tmp_path) -> None:
    _write(tmp_path, {
        "a.txt": _from_template("甲县", ["坚持以人民为中心的发展思想，守牢校园安全底线。", "县政府成立工作专班，分管副县长任组长。",
                                        "县教育局牵头排查校舍隐患，六月底前全部整改到位。", "各校要压实责任，按月报送工作进展。"]),
        "b.txt": _from_template("乙县", ["以建设平安校园为目标，推动安全治理现代化。", "成立领导小组，教育局局长担任组长。",
                                        "公安机关加强校园周边巡逻，严防涉校案事件发生。", "对履职不力的单位予以通报批评。"]),
        "c.txt": _from_template("丙县", ["牢固树立安全发展理念，筑牢校园安全防线。", "建立联席会议制度，定期研究解决重大问题。",
                                        "卫生部门督促学校食堂落实食品安全主体责任。", "加强督导检查，确保工作取得实效。"],
                                extra="（四）做好应急处置\n各学校每学期至少组织一次疏散演练。\n"),
    })
    families = Corpus(tmp_path, jobs=1).families()
    assert not [f for f in families if f.kind == "near-duplicate"]
    [template] = families
    assert template.kind == "template" and sorted(template.members) == ["a.txt", "b.txt", "c.txt"]
    assert {"指导思想", "组织领导", "工作任务", "工作要求"} <= {h.heading for h in template.skeleton}
    assert template.deviations["c.txt"].extra == ("做好应急处置",)
    assert not template.deviations["a.txt"].missing


def test_edited_copies_are_near_duplicates_not_repeated_as_a_template_family(tmp_path) -> None:
    _write(tmp_path, {"a.txt": plan_text("甲县"), "b.txt": plan_text("乙县", bureau="县教育体育局"),
                      "c.txt": plan_text("丙县", extra=EXTRA_SECTION)})
    [family] = Corpus(tmp_path, jobs=1).families()
    assert family.kind == "near-duplicate" and len(family.members) == 3
    assert family.deviations["c.txt"].extra == ("做好应急处置",)


def test_unrelated_plans_form_no_family(tmp_path) -> None:
    _write(tmp_path, {"a.txt": plan_text(),
                      "b.txt": "防汛应急预案\n一、总则\n为做好防汛抗旱工作，最大限度减轻洪涝灾害损失，制定本预案。\n"
                               "二、应急响应\n水利局负责监测雨情水情，气象局及时发布暴雨预警信息。\n"})
    assert Corpus(tmp_path, jobs=1).families() == []


def test_the_matrix_is_symmetric_with_ones_on_the_diagonal(tmp_path) -> None:
    _write(tmp_path, {"a.txt": plan_text("甲县"), "b.txt": plan_text("乙县"), "c.txt": "无关的一段文字，不是方案。"})
    corpus = Corpus(tmp_path, jobs=1)
    for kind in ("near-duplicate", "template"):
        m = corpus.matrix(kind)
        assert m.shape == (len(corpus.names),) * 2
        assert np.allclose(m, m.T) and np.allclose(np.diag(m), 1)
    a, b = corpus.names.index("a.txt"), corpus.names.index("b.txt")
    assert corpus.matrix()[a, b] > 0.7


def test_a_compilation_gives_one_signature_per_plan() -> None:
    from tests.conftest import CORPORA

    seed = CORPORA / "000_0122bd16021b5f2c.txt"
    if not seed.exists():
        pytest.skip("the seed compilation is not in corpora/")
    corpus = Corpus(seed, jobs=1)
    assert corpus.names == [f"{seed.name}#{n}" for n in range(1, len(planparse.parse(seed).plans) + 1)]


SEED = "000_0122bd16021b5f2c.txt"


def _corpora():
    from tests.conftest import CORPORA

    if not (CORPORA / SEED).exists():
        pytest.skip("the seed compilation is not in corpora/")
    return CORPORA


def _outline(title: str, bodies: list[str]) -> str:
    """A plan of the generic outline every kind of plan has."""
    headings = ["一、指导思想", "二、组织领导", "三、工作任务", "四、工作要求"]
    return title + "\n\n" + "".join(f"{h}\n{b}\n" for h, b in zip(headings, bodies, strict=True))


# Plans of other kinds over the same generic outline: two flood plans (the kind of corpora/'s sample flood plan)
# and a holiday fireworks plan that shares 期间 and 安全 with the seed's titles.
OTHER_KINDS = {
    "flood_a.txt": _outline("甲县2024年防汛防台风工作方案", [
        "坚持人民至上、生命至上，立足防大汛、抗大洪、抢大险。", "县防汛抗旱指挥部统一指挥，水利局承担日常工作。",
        "汛前全面排查水库、山塘、堤防险情，落实巡查责任人。", "汛期实行二十四小时值班，险情一小时内报告。"]),
    "flood_b.txt": _outline("乙镇防汛防台风应急预案", [
        "以确保群众生命财产安全为目标，最大限度减轻台风灾害损失。", "镇政府成立防台风工作组，镇长任组长。",
        "台风来临前转移低洼地带群众，加固临时建筑和广告牌。", "各村要储备沙袋、救生衣等物资，定期开展演练。"]),
    "fireworks.txt": _outline("某某市2023年春节期间烟花爆竹安全管理工作方案", [
        "严格落实烟花爆竹经营许可制度，从源头防范事故发生。", "市应急管理局牵头，公安、市场监管部门配合。",
        "依法查处非法生产、运输、储存和销售烟花爆竹行为。", "各部门要加强联合执法，及时通报查处情况。"]),
}


def test_the_five_plans_of_seed_000_form_one_template_family_with_its_skeleton() -> None:
    [family] = Corpus(_corpora(), jobs=1).families()
    assert family.kind == "template"
    assert family.members == tuple(f"{SEED}#{n}" for n in range(1, 6))
    assert "二十大" in family.words
    assert {"指导思想", "组织领导", "工作任务", "工作要求"} <= {h.heading for h in family.skeleton}
    # The 教育部门 plan has only its tasks in the usual outline.
    assert family.deviations[f"{SEED}#2"].renamed == (("工作任务", "整改措施"),)
    assert "指导思想" in family.deviations[f"{SEED}#2"].missing


def test_plans_of_other_kinds_keep_out_of_the_seed_family_and_form_their_own(tmp_path) -> None:
    _write(tmp_path, OTHER_KINDS)
    families = Corpus([_corpora(), tmp_path], jobs=1).families()
    seed = [f for f in families if any(m.startswith(SEED) for m in f.members)]
    assert [sorted(f.members) for f in seed] == [[f"{SEED}#{n}" for n in range(1, 6)]]
    others = [sorted(f.members) for f in families if f not in seed]
    assert others == [["flood_a.txt", "flood_b.txt", "sample_flood_plan_gbk.txt"]]


def test_a_shared_outline_alone_makes_no_template_family(tmp_path) -> None:
    texts = {f"{n}.txt": _outline(title, ["本段说明" + title + "的指导思想。", "成立领导小组，分管领导任组长。",
                                          "逐项落实" + title + "的各项任务。", "各单位要按时报送进展。"])
             for n, title in enumerate(["农村饮水安全工作方案", "全民健身运动会筹备方案", "档案数字化建设实施方案"])}
    _write(tmp_path, texts)
    assert Corpus(tmp_path, jobs=1).families() == []
