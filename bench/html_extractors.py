"""Which extractor keeps a government page's title and article, and leaves its chrome out?

For every .html file of the shared corpus a reference was made by hand: the page's visible
title, and the first and last line of its article in the page's visible text (a notice
and the plan it issues both count; signature, date and attachment list count; navigation,
meta lines, sharing, paging and footer do not). The script prints, per extractor:

- titles: pages whose title stands in the first three lines the extractor returns;
- recall: share of the reference article's characters found in the output
  (line by line, whitespace ignored), mean and worst page, and pages under 95 %;
- junk: share of the output's characters that are in neither title nor article;
- headings: share of the article's short numbered lines (一、 （一） 1.) that come out as
  a line of their own;
- time for the whole corpus, after an untimed warm-up pass (steady state).

Run: .venv/bin/python bench/html_extractors.py [--per-file]
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html
import trafilatura
from readability import Document
from trafilatura.meta import reset_caches

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from planparse.read.charset import decode_text  # noqa: E402
from planparse.read.html import declared_charset, read_html  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"

# file: (title as the page shows it, start of the article's first line, start of its last line);
# `#2` after a start means its second occurrence (the first is in a metadata box)
REFERENCES: dict[str, tuple[str, str, str]] = {
    "plan_001.html": ("2008学年第一学期现代教育技术中心工作计划", "指导思想：", "2008．9"),
    "plan_002.html": ("2007学年第二学期现代教育技术中心工作小结", "2007学年第二学期现代教育技术中心在", "2008年9月"),
    "plan_004.html": ("国务院办公厅关于印发《政府网站集约化试点工作方案》的通知", "国办函〔2018〕71号", "未纳入试点范围"),
    "plan_005.html": ("国务院办公厅关于印发“无废城市”建设试点工作方案的通知", "国办发〔2018〕128号", "（四）强化宣传引导"),
    "plan_006.html": ("国务院办公厅关于印发国家组织药品集中采购和使用试点方案的通知", "国办发〔2019〕2号", "联合采购办公室汇总"),
    "plan_007.html": ("国务院关于印发国家职业教育改革实施方案的通知", "国发〔2019〕4号", "国务院职业教育工作部际联席会议由"),
    "plan_008.html": ("国务院办公厅关于调整国务院第二次全国污染源普查领导小组组成人员的通知", "国办函〔2018〕74号", "（此件公开发布）"),
    "plan_009.html": ("国务院办公厅关于2019年部分节假日安排的通知", "国办发明电", "2018年12月4日"),
    "plan_011.html": ("关于落实《遵义市企业劳动争议听证调解办法》的实施方案", "道真县人力资源网", "2015年4月9日"),
    "plan_012.html": ("2017年“就业政策进万家，真情服务你我他”主题宣传年活动方案", "道真县人力资源网", "填报说明"),
    "plan_015.html": ("道真自治县“贵州省2020年‘人生多彩、筑梦贵州’知名高校引才活动”线下评审方案",
                      "根据《贵州省人力资源", "2020年11月6日"),
    "plan_016.html": ("关于印发《道真自治县2018年人力资源和社会保障工作要点》的通知",
                      "各乡（镇）人力资源和社会保障服务中心，局机关", "道真县人力资源网办公室2018年3月9日印发"),
    "plan_017.html": ("四川省人民政府办公厅关于印发新时代深化改革推进基础教育高质量发展实施方案的通知",
                      "川办发〔2020〕80号", "（十一）加强宣传引导"),
    "plan_020.html": ("岚皋县教育体育局关于印发全市教育体育系统学习贯彻党的十九届五中全会精神宣讲实施方案的通知",
                      "局属各学校", "2020年12月8日"),
    "plan_021.html": ("四川出台绿色建筑行动方案", "近日，四川省制定", "为顺利实施"),
    "plan_022.html": ("重庆交通大学2022年硕士研究生招生复试录取工作实施方案", "根据《教育部关于印发<2022年", "2022年3月17日"),
    "plan_025.html": ("广州市天河区教育局关于印发《2026年广州市天河区幼儿园招生工作方案》的通知", "各幼儿园：",
                      "附件1-5下载"),
    "plan_026.html": ("广州市卫生健康委等4部门关于印发推进广州市家庭医生签约服务高质量发展实施方案的通知",
                      "穗卫函〔2023〕1930号#2", "宣传处"),
    "plan_027.html": ("广州市人民政府办公厅关于印发广州市临时救助实施细则的通知", "穗府办规〔2021〕19号#2",
                      "广州市人民政府办公厅秘书处"),
    "plan_028.html": ("广州市医疗保险服务中心关于开展2026年度广州市城乡居民基本医疗保险集中参保缴费工作的通告",
                      "为持续深入推进全民参保计划", "2025年10月14日"),
    "plan_029.html": ("2009年我校“提前推荐自主录取”招生方案", "一、推荐生招生办法", "6、2009复兴高级中学"),
    "plan_030.html": ("“中学生数字艺术教育研究”课题实施方案", "在上海市教委教研室的指导下", "李素丽"),
    "plan_032.html": ("吉林省安图县林业局-安图县林业局公共资源配置领域政府信息公开工作方案", "机关各处室、直属各单位：", "2019年11月25日"),
    "plan_033.html": ("020年吉林市“全民共建 绿美吉林” 活动月实施方案", "为深入贯彻习近平生态文明思想", "（四）强化措施抓落实"),
    "plan_034.html": ("苏州市物理治疗和康复医疗服务项目收费试点改革实施方案", "为深入推进全市物理治疗", "附件请至官网下载"),
    "plan_036.html": ("唐山市2015年全民终身学习活动周工作方案", "按照河北省教育厅", "2015年9月11日"),
    "plan_037.html": ("深化改革激发创新活力 完善服务打造优质教育——2019-2020年度第二学期海淀区教师进修学校工作计划", "坚持以习近平新时代",
                      "积极组织教师参加各类各级教育信息化竞赛"),
    "plan_038.html": ("福田区2020年公办小学一年级新生报名指南", "一、招生对象", "福田区2020年小一新生报名地段代码图"),
    "plan_039.html": ("关于切实做好2020年秋季学期学校疫情防控工作的通知", "各县（市、区）教体局", "2020年8月20日"),
    "plan_040.html": ("北京矿联化工集团北京矿联国际投资有限公司2016年环境信息", "一、基础信息", "2017年1月"),
    "plan_041.html": ("广东省科学技术厅关于发布2020～2021年度社会发展科技协同创新体系建设专题申报指南的通知",
                      "粤科函资字", "2020年8月17日"),
    "plan_042.html": ("蒲城县北关小学-蒲城县桥山中学阳光体育活动方案", "（2019—2020学年度第一学期）", "2019年9月6日"),
    "plan_043.html": ("蒲城县北关小学-蒲城县桥山中学2020-2021学年度第一学期第七周工作安排", "（2020年10月11日—10月17日）", "何国正"),
    "plan_048.html": ("团支部工作常用应用文", "一、介绍信", "5．总结的具体写作"),
    "plan_049.html": ("中共岚皋县教育体育局党组2019年法治政府建设工作情况报告", "现将市教体局党组", "2020年3月17日"),
    "plan_056.html": ("学校后勤安全有关制度", "一、外来人员联系接待制度", "若有紧急情况报警"),
    "plan_057.html": ("2017年度党组中心组学习计划", "道人社[2017]26号", "2017年3月26日"),
    "plan_058.html": ("吉林省安图县林业局-安图县林业局深化改革创新优化营商环境实施方案", "为深入贯彻落实党的十九大精神，打造", "2019年5月22日"),
    "plan_059.html": ("渝电大招〔2020〕7号--关于印发《重庆市合川广播电视大学-重庆广播电视大学2020年秋季国家开放大学入学资格审核工作方案》的通知", "重庆市合川广播电视大学-重庆广播电视大学文件",
                      "重庆广播电视大学办公室"),
    "plan_060.html": ("2015年上海市复兴高级中学“提前招生录取”方案", "一、推荐生招生办法与录取程序", "附件3：2015年"),
    "plan_061.html": ("政策解读：关于《广东省重点领域研发计划管理办法（试行）》的解读", "10月22日，省科技厅",
                      "四是《办法》建立科研项目"),
    "plan_062.html": ("国务院办公厅关于山西、安徽省四起特大煤矿瓦斯爆炸事故调查处理情况的通报", "国办发〔2004〕7号",
                      "（本文有删减）"),
}

_BLOCK = {"p", "div", "br", "tr", "td", "th", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
          "dt", "dd", "section", "article", "header", "footer", "nav", "center", "blockquote", "pre", "form"}
_CLAUSE = re.compile(r"(?<=[。；！？])|\t")
_HEADING = re.compile(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、])")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u3000", ""))


def visible_lines(html: str) -> list[str]:
    """All text a browser shows, one line per block element or <br>; the page <title> is left out."""
    doc = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", html))
    for el in doc.xpath("//script|//style|//noscript|//head|//comment()"):
        el.drop_tree()
    out: list[str] = []

    def walk(el: lxml.html.HtmlElement) -> None:
        block = isinstance(el.tag, str) and el.tag.lower() in _BLOCK
        if block:
            out.append("\n")
        out.append(el.text or "")
        for child in el:
            walk(child)
        if block:
            out.append("\n")
        out.append(el.tail or "")

    walk(doc)
    lines = (re.sub(r"[ \t\xa0]+", " ", ln).strip() for ln in "".join(out).split("\n"))
    return [ln for ln in lines if ln]


def table_cell_lines(html: str) -> set[str]:
    """The lines that stand in table cells: in a table a numbered line is no heading."""
    doc = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", html))
    return {squash(ln) for cell in doc.xpath("//td|//th")
            for ln in visible_lines(lxml.html.tostring(cell, encoding="unicode"))}


def reference(lines: list[str], start: str, end: str) -> list[str]:
    """From the first line starting with `start` (`text#2`: the second one) to the last starting with `end`."""
    start, _, nth = start.partition("#")
    first = [i for i, ln in enumerate(lines) if ln.startswith(start)][int(nth or 1) - 1]
    last = max(i for i, ln in enumerate(lines) if ln.startswith(end))
    return lines[first:last + 1]


# ----------------------------------------------------------------------------- extractors


def run_trafilatura(html: str, precision: bool = False) -> list[str]:
    doc = trafilatura.bare_extraction(html, include_tables=True, favor_precision=precision,
                                      favor_recall=not precision, with_metadata=True)
    if doc is None:
        return []
    return [ln for ln in (doc.text or "").splitlines() if ln.strip()]


def run_trafilatura_titled(html: str) -> list[str]:
    doc = trafilatura.bare_extraction(html, include_tables=True, favor_recall=True, with_metadata=True)
    if doc is None:
        return []
    return [doc.title or "", *[ln for ln in (doc.text or "").splitlines() if ln.strip()]]


def run_readability(html: str) -> list[str]:
    return visible_lines(Document(html).summary(html_partial=True))


def run_readability_titled(html: str) -> list[str]:
    doc = Document(html)
    return [doc.short_title(), *visible_lines(doc.summary(html_partial=True))]


EXTRACTORS: dict[str, Callable[[str, bytes, Path], list[str]]] = {
    "trafilatura (recall)": lambda html, data, path: run_trafilatura(html),
    "trafilatura (precision)": lambda html, data, path: run_trafilatura(html, precision=True),
    "trafilatura + meta title": lambda html, data, path: run_trafilatura_titled(html),
    "readability-lxml": lambda html, data, path: run_readability(html),
    "readability-lxml + title": lambda html, data, path: run_readability_titled(html),
    "planparse (lxml scorer)": lambda html, data, path: [b.text for b in read_html(path, data).blocks],
}


# ----------------------------------------------------------------------------- scoring


def score(title: str, ref: list[str], cells: set[str], out: list[str]) -> dict[str, float]:
    out_text = squash("".join(out))
    ref_text = squash(title + "".join(ref))
    ref_chars = sum(len(squash(ln)) for ln in ref)
    kept = sum(len(squash(ln)) for ln in ref if squash(ln) in out_text)
    # An extractor may glue chrome and article into one line; judge its output by clause.
    pieces = [squash(p) for ln in out for p in _CLAUSE.split(ln)]
    out_chars = sum(len(p) for p in pieces) or 1
    junk = sum(len(p) for p in pieces if p not in ref_text)
    heads = [squash(ln) for ln in ref if _HEADING.match(ln) and len(ln) <= 30 and squash(ln) not in cells]
    own = {squash(ln) for ln in out}
    return {
        "title": float(squash(title) in squash("".join(out[:3]))),
        "recall": kept / ref_chars if ref_chars else 1.0,
        "junk": junk / out_chars,
        "headings": sum(h in own for h in heads) / len(heads) if heads else 1.0,
        "nheads": len(heads),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-file", action="store_true", help="print recall and junk per page")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS}")
    pages = []
    for name, (title, start, end) in REFERENCES.items():
        path = CORPUS / name
        data = path.read_bytes()
        html, _ = decode_text(data, declared_charset(data))
        ref = reference(visible_lines(html), start, end)
        pages.append((name, path, data, html, title, ref, table_cell_lines(html)))
    print(f"{len(pages)} pages, {sum(len(squash(''.join(p[5]))) for p in pages)} reference characters\n")
    header = f"{'extractor':26} {'titles':>7} {'recall':>7} {'worst':>6} {'<95%':>5} {'junk':>6} {'headings':>9} {'time s':>7}"
    print(header)
    print("-" * len(header))
    for label, extract in EXTRACTORS.items():
        # An untimed pass first: trafilatura loads date and language helpers on first need.
        # It also memoises text functions, so its caches are emptied before the timed pass.
        for _, path, data, html, *_ in pages:
            extract(html, data, path)
        reset_caches()
        results, started = [], time.perf_counter()
        for name, path, data, html, title, ref, cells in pages:
            results.append((name, score(title, ref, cells, extract(html, data, path))))
        elapsed = time.perf_counter() - started
        rec = [r["recall"] for _, r in results]
        heads = sum(r["headings"] * r["nheads"] for _, r in results) / sum(r["nheads"] for _, r in results)
        print(f"{label:26} {sum(r['title'] for _, r in results):>4.0f}/{len(results):<2} "
              f"{statistics.mean(rec):>7.1%} {min(rec):>6.0%} {sum(x < 0.95 for x in rec):>5} "
              f"{statistics.mean(r['junk'] for _, r in results):>6.1%} {heads:>9.1%} {elapsed:>7.2f}")
        if args.per_file:
            for name, r in results:
                print(f"    {name:14} title {r['title']:.0f} recall {r['recall']:6.1%} junk {r['junk']:6.1%}"
                      f" headings {r['headings']:6.1%}")


if __name__ == "__main__":
    main()
