"""plan.draw() and plan.timeline(): figures that save to PNG and SVG, Chinese in a CJK font, no invented dates."""
from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("matplotlib")

import matplotlib.dates as mdates  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import planparse  # noqa: E402
from planparse.display import draw  # noqa: E402
from planparse.display.fonts import cjk_family  # noqa: E402
from planparse.display.timeline import time_extent  # noqa: E402
from planparse.model import Actor, Assignee, Duty, Phase, Plan, Relation, TimeExpression  # noqa: E402

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
CJK_FILES = ("wqy", "uming", "ukai", "noto", "sourcehan", "droid", "simhei", "msyh", "pingfang")


@pytest.fixture(scope="module")
def cjk() -> str:
    with warnings.catch_warnings(record=True):
        family = cjk_family()
    if family is None:
        pytest.skip("no CJK font on this machine (apt-get install fonts-wqy-zenhei)")
    return family


def _no_tofu(make):
    """Run make() and save its figure as PNG; fail on any glyph the font lacks."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = make()
        return fig, caught


def _texts(fig: Figure) -> list:
    return [t for ax in fig.axes for t in ax.texts + ax.get_yticklabels() if t.get_text()]


def _check_png_svg(fig: Figure, tmp_path: Path, name: str, caught: list) -> None:
    with warnings.catch_warnings(record=True) as saving:
        warnings.simplefilter("always")
        fig.savefig(tmp_path / f"{name}.png", dpi=60)
        fig.savefig(tmp_path / f"{name}.svg")
    missing = [str(w.message) for w in caught + saving if "missing from" in str(w.message) or "Glyph" in str(w.message)]
    assert not missing, missing
    assert (tmp_path / f"{name}.png").stat().st_size > 5_000
    assert (tmp_path / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in (tmp_path / f"{name}.svg").read_bytes()[:500]


def _chinese_in_cjk_font(fig: Figure) -> None:
    chinese = [t for t in _texts(fig) if any("\u4e00" <= c <= "\u9fff" for c in t.get_text())]
    assert chinese
    for text in chinese:
        path = font_manager.findfont(text.get_fontproperties(), fallback_to_default=False).lower()
        assert any(name in path for name in CJK_FILES), path


def test_draw_a_corpus_plan(cjk, tmp_path):
    plan = planparse.parse(CORPORA / "004_963223714f0f9578.txt").plans[0]
    for layout in ("layered", "dot") if draw.dot_available() else ("layered",):
        fig, caught = _no_tofu(lambda layout=layout: plan.draw(layout=layout))
        assert isinstance(fig, Figure)
        _check_png_svg(fig, tmp_path, f"graph-{layout}", caught)
        _chinese_in_cjk_font(fig)
        labels = {t.get_text() for t in _texts(fig)}
        assert all(any(a.name[:draw.LABEL_CHARS - 1] in label for label in labels) for a in plan.actors)


def _big_plan(n: int = 50) -> Plan:
    kinds = ["group"] * 3 + ["office"] * 4 + ["role"] * 8 + ["unit"] * (n - 20) + ["collective"] * 5
    actors = tuple(Actor(f"p1.a{i}", f"第{i}个单位办公室", kind, (), ((i * 10, i * 10 + 4),))
                   for i, kind in enumerate(kinds, 1))
    relations = tuple(Relation("member_of", a.id, "p1.a1", "成员") for a in actors[3:25])
    relations += (Relation("reports_to", "p1.a5", "p1.a2"), Relation("supervises", "p1.a3", "p1.a30"))
    duties = tuple(Duty(f"p1.d{i}", "开展排查", (i, i + 1), (Assignee(actors[i % n].id, "lead"),))
                   for i in range(120))
    return Plan("p1", "某某区安全生产大检查工作方案", None, (0, 1000), actors=actors, duties=duties,
                relations=relations)


@pytest.mark.parametrize("layout", ["layered", "dot"])
def test_fifty_actors_stay_readable(cjk, tmp_path, layout):
    if layout == "dot" and not draw.dot_available():
        pytest.skip("Graphviz dot or the graphviz package is not installed")
    plan = _big_plan()
    fig, caught = _no_tofu(lambda: plan.draw(layout=layout))
    _check_png_svg(fig, tmp_path, layout, caught)
    width, height = fig.get_size_inches()
    # Big enough for every label at 9 pt, small enough to look at: no box overlaps another.
    assert width < 30 and height < 30
    boxes = draw.dot_layout if layout == "dot" else draw.layered_layout
    labels = {a.id: draw.label_of(a, plan.actors.names.duties_of.get(a.id, 0)) for a in plan.actors}
    placed = list(boxes(plan.actors, plan.relations, labels).values())
    assert len(placed) == 50
    for i, a in enumerate(placed):
        for b in placed[i + 1:]:
            assert abs(a.x - b.x) >= a.half + b.half - 1e-6 or abs(a.y - b.y) >= draw.ROW_IN * 0.6


def _time(tid: str, text: str, value: str | None = None, start: str | None = None, end: str | None = None,
          anchor: str | None = None, placeholder: bool = False) -> TimeExpression:
    return TimeExpression(tid, text, (0, 1), "DATE", value, start, end, anchor=anchor, placeholder=placeholder)


def test_time_extent_invents_no_dates():
    assert time_extent(_time("t", "2024年3月", "2024-03")) == (date(2024, 3, 1), date(2024, 3, 31), "", "")
    assert time_extent(_time("t", "X月底前", "XXXX-XX", placeholder=True))[:2] == (None, None)
    assert time_extent(_time("t", "10月1日", "XXXX-10-01"))[:2] == (None, None)
    assert time_extent(_time("t", "汛期前", anchor="汛期"))[:2] == (None, None)
    first, last, _, open_end = time_extent(_time("t", "自2022年10月30日开始，到二十大结束", None, "2022-10-30",
                                                 None, anchor="二十大结束"))
    assert (first, last, open_end) == (date(2022, 10, 30), None, "二十大结束")


def test_timeline_keeps_undated_times_apart(cjk, tmp_path):
    times = (_time("p1.t1", "2024年3月1日至3月15日", "2024-03-01/2024-03-15", "2024-03-01", "2024-03-15"),
             _time("p1.t2", "X月6日至X月", "XXXX-XX-06/XXXX-XX", "XXXX-XX-06", "XXXX-XX", placeholder=True),
             _time("p1.t3", "2024年4月30日前", "2024-04-30"),
             _time("p1.t4", "汛期前", anchor="汛期"),
             _time("p1.t5", "自2024年5月1日起至汛期结束", None, "2024-05-01", None, anchor="汛期结束"))
    phases = (Phase("p1.p1", "动员部署阶段", 1, "p1.t1", "p1.t1"), Phase("p1.p2", "集中整治阶段", 2, "p1.t2", "p1.t2"),
              Phase("p1.p3", "巩固提升阶段", 3, "p1.t5", "p1.t5"))
    duties = (Duty("p1.d1", "完成排查", (0, 1), deadline="p1.t3"), Duty("p1.d2", "清理河道", (0, 1), deadline="p1.t4"))
    plan = Plan("p1", "某某区防汛工作方案", None, (0, 100), times=times, phases=phases, duties=duties)
    fig, caught = _no_tofu(plan.timeline)
    _check_png_svg(fig, tmp_path, "timeline", caught)
    _chinese_in_cjk_font(fig)
    chart, undated = fig.axes
    lanes = [t.get_text() for t in chart.get_yticklabels()]
    assert lanes == ["duty deadlines", "动员部署阶段", "巩固提升阶段"]
    written = " ".join(t.get_text() for t in undated.texts)
    assert "X月6日至X月" in written and "blank" in written
    assert "汛期前" in written and "汛期" in written
    assert "→ 汛期结束" in [t.get_text() for t in chart.texts]
    assert any(t.get_text().startswith("完成排查") for t in chart.texts)
    lo, hi = (mdates.num2date(x).date() for x in chart.get_xlim())
    assert lo < date(2024, 3, 1) and hi > date(2024, 5, 1) and hi.year == 2024


def test_a_plan_without_dates_still_draws(cjk, tmp_path):
    plan = planparse.parse_text("某某工作方案\n一、工作安排\n各单位要在X月底前上报。\n")
    fig, caught = _no_tofu(plan.plans[0].timeline)
    _check_png_svg(fig, tmp_path, "empty", caught)


def test_no_cjk_font_is_a_clear_warning(monkeypatch):
    from planparse.display import fonts

    monkeypatch.setattr(fonts, "settings", lambda part: {"families": ["No Such Font"], "latin_fallback": "DejaVu Sans"})
    monkeypatch.setattr(fonts, "_fontconfig_cjk_files", list)
    fonts.cjk_family.cache_clear()
    try:
        with pytest.warns(fonts.CJKFontWarning, match="fonts-wqy-zenhei"):
            assert fonts.cjk_family() is None
    finally:
        fonts.cjk_family.cache_clear()
