"""The HTML reader: the article without the page's chrome, its title first, rows, charsets."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planparse.errors import PlanParseError
from planparse.read import read
from planparse.read.blocks import Block
from planparse.read.html import declared_charset, is_chrome, read_html

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"
SAMPLE = REPO / "corpora" / "sample_page.html"

CHROME_WORDS = ("当前位置", "打印本页", "关闭窗口", "上一篇", "下一篇", "版权所有", "ICP备", "浏览次数", "发布时间",
                "联系我们", "网站地图", "设为首页", "栏目导航")


def page(body: str, head: str = "<title>测试页面</title>", charset: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<!DOCTYPE html><html><head>{meta}{head}</head><body>{body}</body></html>"


NAV = """
<div class="top"><a href="/">设为首页</a> | <a href="/">加入收藏</a></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/a">政务公开</a></li><li><a href="/b">通知公告</a></li>
<li><a href="/c">政策文件</a></li><li><a href="/d">办事服务</a></li><li><a href="/e">互动交流</a></li></ul>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/b">通知公告</a></div>
"""
FOOTER = """
<div class="tools"><a href="#">【打印本页】</a> <a href="#">【关闭窗口】</a></div>
<div class="paging"><p>上一篇：<a href="/x">关于做好春季植树工作的通知</a></p><p>下一篇：<a href="/y">另一篇文章</a></p></div>
<div class="footer"><p><a href="/l">联系我们</a> | <a href="/m">网站地图</a></p>
<p>版权所有：某某县人民政府办公室 主办单位：某某县人民政府办公室</p><p>ICP备案号：X ICP备00000000号-1</p></div>
"""
ARTICLE = """
<h1 class="title">某某县2024年春季防汛工作方案</h1>
<div class="meta">发布时间：2024-03-18 09:30 来源：某某县应急管理局 浏览次数：128</div>
<div id="zoom">
<p>各乡镇人民政府，县直有关单位：</p>
<p>　　为切实做好今年春季防汛工作，确保人民群众生命财产安全，结合我县实际，制定本方案。</p>
<p>一、指导思想</p>
<p>　　坚持人民至上、生命至上，立足防大汛、抢大险、救大灾，全面提升防汛应急处置能力。</p>
<p>二、主要任务</p>
<p>（一）开展隐患排查。4月15日前完成全县河道、水库、山塘隐患排查，建立问题清单。</p>
<p>（二）完善应急预案。各乡镇要于4月底前修订完善本级防汛应急预案，并组织一次演练。</p>
<p>三、工作要求</p>
<p>　　各单位要压实责任，严格执行24小时值班和领导带班制度，重大险情及时报告。</p>
<p style="text-align:right">某某县人民政府办公室</p>
<p style="text-align:right">2024年3月15日</p>
</div>
"""


def blocks_of(html: str, charset: str = "utf-8", path: str = "page.html") -> list[Block]:
    return read_html(Path(path), html.encode(charset)).blocks


def texts(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks]


# ----------------------------------------------------------------------------- the article


def test_title_first_then_article_without_chrome() -> None:
    blocks = blocks_of(page(NAV + ARTICLE + FOOTER))
    assert blocks[0] == Block(kind="heading", text="某某县2024年春季防汛工作方案", locator="/html/body/h1",
                              heading_level=1)
    assert texts(blocks)[1] == "各乡镇人民政府，县直有关单位："
    assert texts(blocks)[-1] == "2024年3月15日"
    joined = "\n".join(texts(blocks))
    for word in CHROME_WORDS + ("政务公开", "办事服务", "植树"):
        assert word not in joined


def test_every_heading_line_is_its_own_block() -> None:
    got = texts(blocks_of(page(NAV + ARTICLE + FOOTER)))
    for heading in ("一、指导思想", "二、主要任务", "三、工作要求"):
        assert heading in got
    assert any(t.startswith("（一）开展隐患排查。") for t in got)
    assert any(t.startswith("（二）完善应急预案。") for t in got)


def test_blocks_carry_a_short_xpath_that_finds_their_element() -> None:
    html = page(NAV + ARTICLE + FOOTER)
    blocks = blocks_of(html)
    root = lxml.html.document_fromstring(html)
    assert blocks[1].locator == '//*[@id="zoom"]/p[1]'
    for block in blocks:
        assert block.offset is None
        (element,) = root.xpath(block.locator)
        assert re.sub(r"\s", "", block.text) in re.sub(r"\s", "", element.text_content())


def test_text_of_scripts_styles_and_hidden_elements_is_never_read() -> None:
    body = (NAV + "<script>var leaked = '脚本里的字';</script><style>.x{content:'样式里的字'}</style>"
            + ARTICLE.replace("<p>一、指导思想</p>", "<p>一、指导思想</p><p style='display:none'>隐藏的一段文字，不应读出。</p>")
            + "<noscript>您的浏览器不支持脚本</noscript>" + FOOTER)
    joined = "".join(texts(blocks_of(page(body, head="<title>t</title><script>var t='头部脚本';</script>"))))
    for word in ("脚本里的字", "样式里的字", "隐藏的一段文字", "浏览器不支持", "头部脚本", "leaked"):
        assert word not in joined


def test_body_hidden_until_a_script_runs_is_still_read() -> None:
    html = page(ARTICLE).replace("<body>", '<body style="visibility: hidden">')
    assert "一、指导思想" in texts(blocks_of(html))


def test_br_breaks_blocks() -> None:
    body = ("<div id='c'><p>（二）加快推进生活污水治理。<br>1.优先治理乡镇驻地生活污水；<br/>"
            "2.建立运行维护长效机制。</p><p>" + "正文内容较长的一段，用来让这里成为文章。" * 3 + "</p></div>")
    got = texts(blocks_of(page(body)))
    assert got[:3] == ["（二）加快推进生活污水治理。", "1.优先治理乡镇驻地生活污水；", "2.建立运行维护长效机制。"]


def test_entities_are_decoded_and_spaces_tidied() -> None:
    body = ("<div id='c'><p>&#12288;&#12288;组&#12288;长：韩&#12288;正&nbsp;&nbsp;副组长：王&amp;李</p>"
            "<p>" + "为做好工作，现制定本方案，请认真贯彻执行。" * 3 + "</p></div>")
    first = texts(blocks_of(page(body)))[0]
    assert first == "组\u3000长：韩\u3000正 副组长：王&李"


def test_table_rows_are_blocks_with_cells() -> None:
    table = """<table><thead><tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>完成时限</th></tr></thead>
    <tbody><tr><td>1</td><td><p>隐患排查</p></td><td>县水利局<br>各乡镇</td><td>4月15日前</td></tr>
    <tr><td>2</td><td>修订预案</td><td>各乡镇</td><td>4月底前</td></tr>
    <tr><td>2024-04-30</td><td>汛前检查</td><td>县应急管理局</td><td>4月30日</td></tr>
    <tr><td>【打印本页】</td><td>【关闭窗口】</td><td></td><td></td></tr>
    <tr><td></td><td></td><td></td><td></td></tr></tbody></table>"""
    blocks = blocks_of(page(NAV + ARTICLE.replace("<p>三、工作要求</p>", table + "<p>三、工作要求</p>") + FOOTER))
    rows = [b for b in blocks if b.kind == "table_row"]
    assert [r.cells for r in rows] == [
        ("序号", "工作任务", "牵头单位", "完成时限"),
        ("1", "隐患排查", "县水利局 各乡镇", "4月15日前"),
        ("2", "修订预案", "各乡镇", "4月底前"),
        ("2024-04-30", "汛前检查", "县应急管理局", "4月30日"),
    ]
    assert rows[1].text == "1\t隐患排查\t县水利局 各乡镇\t4月15日前"
    assert rows[0].locator.endswith("/thead/tr") and rows[2].locator.endswith("/tbody/tr[2]")
    # the all-chrome row and the empty row are gone
    assert texts(blocks).index("三、工作要求") == blocks.index(rows[-1]) + 1


def test_a_cell_spanning_rows_repeats_in_each_row_it_spans() -> None:
    table = """<table><tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>完成时限</th></tr>
    <tr><td>1</td><td>隐患排查</td><td rowspan="2">县水利局</td><td>4月15日前</td></tr>
    <tr><td>2</td><td>修订预案</td><td>4月底前</td></tr>
    <tr><td colspan="2">汛前检查</td><td>县应急管理局</td><td rowspan="3">4月30日</td></tr></table>"""
    blocks = blocks_of(page(NAV + ARTICLE.replace("<p>三、工作要求</p>", table + "<p>三、工作要求</p>") + FOOTER))
    assert [b.cells for b in blocks if b.kind == "table_row"] == [
        ("序号", "工作任务", "牵头单位", "完成时限"),
        ("1", "隐患排查", "县水利局", "4月15日前"),
        ("2", "修订预案", "县水利局", "4月底前"),
        ("汛前检查", "县应急管理局", "4月30日"),
    ]


def test_layout_tables_are_read_as_text_not_rows() -> None:
    # Old sites put the whole page in a table; one cell holds the article, others the menu.
    links = "".join(f"<a href='/{i}'>栏目{i}</a><br>" for i in range(8))
    body = f"<table><tr><td>{links}</td><td><table><tr><td>{ARTICLE}</td></tr></table></td></tr></table>"
    blocks = blocks_of(page(body))
    assert not [b for b in blocks if b.kind == "table_row"]
    assert blocks[0].text == "某某县2024年春季防汛工作方案"
    assert "一、指导思想" in texts(blocks)


def test_a_title_split_over_two_lines_of_one_style_is_one_heading() -> None:
    style = 'style="text-align: center;"><span style="font-size: 18pt; font-weight: bold;"'
    body = (f"<div id='c'><p {style}>国务院办公厅关于印发《政府网站集约化</span></p>"
            f"<p {style}>试点工作方案》的通知</span></p><p>国办函〔2018〕71号</p>"
            "<p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>"
            "<p>《政府网站集约化试点工作方案》已经国务院领导同志同意，现印发给你们，请认真贯彻执行。</p></div>")
    blocks = read_html(Path("fragment.html"), body.encode("utf-8")).blocks
    assert blocks[0] == Block(kind="heading", text="国务院办公厅关于印发《政府网站集约化试点工作方案》的通知",
                              locator='//*[@id="c"]/p[1]', heading_level=1)
    assert blocks[1].text == "国办函〔2018〕71号"


def test_head_title_stands_in_when_the_page_shows_none() -> None:
    body = "<div id='c'>" + "".join(f"<p>第{i}条 各单位要按照要求认真落实，确保工作取得实效。</p>" for i in range(5)) + "</div>"
    blocks = blocks_of(page(body, head="<title>某某市节水行动实施方案_某某市水务局网站</title>"))
    assert blocks[0] == Block(kind="heading", text="某某市节水行动实施方案", locator="/html/head/title",
                              heading_level=1)


def test_site_name_in_head_is_no_title() -> None:
    body = "<div id='c'>" + "<p>各单位要按照要求认真落实，确保工作取得实效。</p>" * 3 + "</div>"
    blocks = blocks_of(page(body, head="<title>某某市水务局网站</title>"))
    assert blocks[0].kind == "paragraph"


def test_a_page_without_article_keeps_all_visible_text() -> None:
    body = "<ul><li><a href='/1'>首页</a></li><li><a href='/2'>简介</a></li></ul><div>联系我们</div>"
    out = read_html(Path("links.html"), page(body).encode("utf-8"))
    assert texts(out.blocks) == ["首页", "简介", "联系我们"]
    assert [w.code for w in out.warnings] == ["html-no-article"]


def test_xhtml_with_xml_declaration() -> None:
    html = '<?xml version="1.0" encoding="gb2312"?>\n' + page(NAV + ARTICLE, charset=None)
    out = read_html(Path("x.xhtml"), html.encode("gbk"))
    assert out.encoding == "gb18030"
    assert out.blocks[0].text == "某某县2024年春季防汛工作方案"


TAGS = ["<p>", "</p>", "<div>", "</div>", "<br>", "<table>", "<tr>", "<td>", "</td>", "</tr>", "</table>",
        "<a href='x'>", "</a>", "<h1>", "</h1>", "<script>", "</script>", "<title>", "</title>", "&nbsp;",
        "&#12288;", "<!--", "-->", "一、指导思想", "（一）", "当前位置：首页", "版权所有", "方案", "。", "\x00", "\ufffd"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(TAGS) | st.text(max_size=8), max_size=40), st.sampled_from(["utf-8", "gb18030"]))
def test_any_tag_soup_reads_or_fails_with_a_planparse_error(parts: list[str], codec: str) -> None:
    try:
        out = read_html(Path("soup.html"), "".join(parts).encode(codec))
    except PlanParseError:
        return
    assert all(isinstance(b.text, str) and b.text == b.text.strip() for b in out.blocks)
    assert all(b.kind == "table_row" or "\t" not in b.text for b in out.blocks)


# ----------------------------------------------------------------------------- charsets


def test_gbk_page_declaring_gb2312_is_read_as_gb18030() -> None:
    # 镕 and 喆 are outside GB2312 but in GBK, as on many pages that declare gb2312.
    html = page(NAV + ARTICLE.replace("各乡镇人民政府", "朱镕基、张喆") + FOOTER, charset="gb2312")
    out = read_html(Path("gbk.html"), html.encode("gbk"))
    assert out.encoding == "gb18030"
    assert out.warnings == []
    assert texts(out.blocks)[1] == "朱镕基、张喆，县直有关单位："


def test_http_equiv_charset() -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=GBK"><title>t</title>'
    out = read_html(Path("gbk.html"), page(ARTICLE, head=head, charset=None).encode("gbk"))
    assert out.encoding == "gb18030"
    assert out.blocks[0].text == "某某县2024年春季防汛工作方案"


def test_undeclared_gbk_is_detected() -> None:
    out = read_html(Path("gbk.html"), page(NAV + ARTICLE, charset=None).encode("gbk"))
    assert out.encoding == "gb18030"
    assert "一、指导思想" in texts(out.blocks)


def test_wrong_declared_charset_is_detected_and_reported() -> None:
    out = read_html(Path("liar.html"), page(NAV + ARTICLE, charset="utf-8").encode("gbk"))
    assert out.encoding == "gb18030"
    assert "一、指导思想" in texts(out.blocks)
    (warning,) = out.warnings
    assert warning.code == "charset-mismatch"
    assert "utf-8" in warning.message and "gb18030" in warning.message


def test_declared_charset_is_found_in_meta_and_xml_declaration() -> None:
    assert declared_charset(b'<meta charset="GB2312">') == "GB2312"
    assert declared_charset(b"<META http-equiv=Content-Type content='text/html; charset=gbk'>") == "gbk"
    assert declared_charset(b'<?xml version="1.0" encoding="utf-8"?><html>') == "utf-8"
    assert declared_charset(b"<html><body>no charset</body></html>") is None


@pytest.mark.parametrize(("line", "chrome"), [
    ("当前位置：首页 > 通知公告", True), ("【打印本页】【关闭窗口】", True), ("上一篇：关于某某的通知", True),
    ("版权所有：某某县人民政府", True), ("发布时间：2024-03-18 来源：某某局", True), ("浏览次数：128", True),
    ("2020-05-06 某某小学", True), ("【大 中 小】", True),
    ("一、指导思想", False), ("（三）业务受理及技术支持：020-83163930。", False),
    ("资金来源：县财政专项资金", False), ("做大做强主导产业，推动经济发展壮大", False),
    ("各单位要联系实际，抓好落实。", False), ("无障碍设施建设。", False), ("主办单位：共青团某某县委", False),
    ("（二）提高政务新媒体阅读量。", False), ("公开时间：每季度末", False), ("扫一扫二维码参与问卷", False),
    ("服务对象：全县60岁以上老人", False), ("索引号 005452487/2020-00001", True), ("2025-10-17 09:00:00", True),
])
def test_chrome_lines(line: str, chrome: bool) -> None:
    assert is_chrome(line) is chrome


def test_read_dispatches_html(tmp_path: Path) -> None:
    path = tmp_path / "notice.htm"
    path.write_bytes(page(NAV + ARTICLE + FOOTER, charset="gb2312").encode("gbk"))
    doc = read(path)
    assert doc.format == "html" and doc.encoding == "gb18030"
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].heading_level == 1


# ----------------------------------------------------------------------------- the sample page


def test_sample_page() -> None:
    out = read_html(SAMPLE, SAMPLE.read_bytes())
    assert declared_charset(SAMPLE.read_bytes()) == "gb2312"
    assert out.encoding == "gb18030" and out.warnings == []
    blocks = out.blocks
    assert blocks[0].kind == "heading" and blocks[0].heading_level == 1
    assert blocks[0].text == "青溪县2024年农村人居环境整治提升工作方案"
    got = texts(blocks)
    for heading in ("一、指导思想", "二、工作目标", "三、重点任务", "四、责任分工", "五、保障措施"):
        assert heading in got
    assert [b.cells for b in blocks if b.kind == "table_row"][:2] == [
        ("序号", "工作任务", "牵头单位", "完成时限"), ("1", "农村厕所革命", "县农业农村局", "2024年11月底")]
    assert len([b for b in blocks if b.kind == "table_row"]) == 5
    assert "1.优先治理乡镇政府驻地和中心村生活污水；" in got
    assert got[-1] == "2024年3月15日"
    joined = "\n".join(got)
    for word in CHROME_WORDS + ("图解", "植树造林", "免责声明", "&nbsp;", "&#12288;"):
        assert word not in joined


# ----------------------------------------------------------------------------- the shared corpus

# Where MANIFEST.tsv describes a page instead of quoting its title, the words the page shows.
SHOWN_TITLES = {
    "plan_030.html": "“中学生数字艺术教育研究”课题实施方案",
    "plan_033.html": "吉林市“全民共建绿美吉林”活动月实施方案",
    "plan_040.html": "北京矿联国际投资有限公司2016年环境信息",
    "plan_041.html": "社会发展科技协同创新体系建设专题申报指南",
    "plan_042.html": "阳光体育活动方案",
    "plan_043.html": "第七周工作安排",
    "plan_048.html": "团支部工作常用应用文",
    "plan_049.html": "法治政府建设工作情况报告",
    "plan_056.html": "学校后勤安全有关制度",
    "plan_059.html": "2020年秋季国家开放大学入学资格审核工作方案",
}


def manifest() -> dict[str, str]:
    path = CORPUS / "MANIFEST.tsv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["filename"]: row["title"] for row in csv.DictReader(handle, delimiter="\t")
                if row["filename"].endswith(".html")}


def squash(text: str) -> str:
    return re.sub(r"[\s\u3000]", "", text)


def expected_title(name: str, title: str) -> str:
    # MANIFEST adds the site in brackets: 某某方案（上海市复兴高级中学）
    return SHOWN_TITLES.get(name) or re.sub(r"（[^（）]*）$", "", title)


@pytest.fixture(scope="module")
def corpus_titles() -> dict[str, str]:
    titles = manifest()
    if not titles:
        pytest.skip(f"no corpus at {CORPUS}")
    return titles


def test_corpus_has_its_html_files(corpus_titles: dict[str, str]) -> None:
    assert len(corpus_titles) == 42


@pytest.mark.parametrize("name", sorted(manifest()) or ["corpus-absent"])
def test_corpus_page_title_leads(name: str, corpus_titles: dict[str, str]) -> None:
    path = CORPUS / name
    out = read_html(path, path.read_bytes())
    assert out.blocks[0].kind == "heading" and out.blocks[0].heading_level == 1
    assert squash(expected_title(name, corpus_titles[name])) in squash("".join(b.text for b in out.blocks[:3]))
    joined = "\n".join(b.text for b in out.blocks)
    for word in ("版权所有", "ICP备", "上一篇", "当前位置"):
        assert word not in joined
    assert len(joined) > 100


def test_control_characters_around_dropped_elements() -> None:
    html = "<p>一、指导思想\x01</p><script>x</script>\x02尾<div style='display:none'>隐</div>\x0b正文"
    out = read_html(Path("ctl.html"), html.encode("utf-8"))
    assert all("\x01" not in b.text and "\x0b" not in b.text for b in out.blocks)
