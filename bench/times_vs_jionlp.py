"""Times found by planparse and by jionlp's extract_time, scored in one run against the dev gold, and timed.

    python bench/times_vs_jionlp.py [--gold DIR] [--repeat N] [--keep DIR]

Each input with gold in ../shared/gold/dev is parsed once by planparse; its plans' spans are given to
both extractors, so the two are scored on the same plans by ../shared/eval/score.py (rows times and
time_values). jionlp's results are written in the planparse/1 form: its time_point and time_span as
DATE, time_delta as DURATION, time_period as SET, with a TIMEX3 value made from what it resolved.
Speed is characters per second of plan text, best of N runs of each extractor over the same texts.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import planparse
from planparse.times import find_times

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
_UNITS = {"year": ("", "Y"), "month": ("", "M"), "week": ("", "W"), "day": ("", "D"),
          "hour": ("T", "H"), "minute": ("T", "M"), "second": ("T", "S")}


def find_input(name: str) -> Path | None:
    for folder in (SHARED / "seeds", SHARED / "corpus", ROOT / "corpora"):
        if (folder / name).is_file():
            return folder / name
    return None


def _load_jionlp():
    # jionlp prints a banner on import, and tracebacks of phrases it gives up on; neither is part of the table
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp
    extract = jionlp.ner.extract_time

    def quiet(text: str) -> list[dict[str, Any]]:
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            return extract(text)

    return quiet


def _period(delta: dict[str, Any]) -> str | None:
    for unit, (sep, code) in _UNITS.items():
        n = delta.get(unit)
        if isinstance(n, int | float) and n and n == int(n):
            return f"P{sep}{int(n)}{code}"
    return None


def _span_value(times: list[str]) -> dict[str, str | None]:
    """jionlp's [start, end] datetimes as a TIMEX3 date, month, year, clock time or range."""
    s, e = times[0], times[1]
    sd, ed = s[:10], e[:10]
    if sd == ed:
        if s[11:] == "00:00:00" and e[11:] == "23:59:59":
            return {"type": "DATE", "value": sd}
        return {"type": "TIME", "value": f"{sd}T{s[11:16]}"}
    if s[:4] == e[:4] and s[5:10] == "01-01" and e[5:10] == "12-31":
        return {"type": "DATE", "value": s[:4]}
    if s[:7] == e[:7] and s[8:10] == "01":
        return {"type": "DATE", "value": s[:7]}
    return {"type": "DATE", "value": f"{sd}/{ed}", "start": sd, "end": ed}


def jionlp_time(item: dict[str, Any]) -> dict[str, Any]:
    detail = item.get("detail") or {}
    t = detail.get("time")
    kind = item.get("type")
    out: dict[str, Any] = {"type": "DATE", "value": None}
    if kind in ("time_point", "time_span") and isinstance(t, list) and len(t) == 2 and isinstance(t[0], str):
        out = _span_value(t)
    elif kind == "time_delta":
        first = t[0] if isinstance(t, list) and t else t
        out = {"type": "DURATION", "value": _period(first) if isinstance(first, dict) else None}
    elif kind == "time_period" and isinstance(t, dict):
        out = {"type": "SET", "value": _period(t.get("delta") or {})}
    return out


def _with_jionlp_times(doc: dict[str, Any], extract) -> dict[str, Any]:
    out = json.loads(json.dumps(doc))
    for plan in out["plans"]:
        lo, hi = plan["span"]
        times = []
        for n, item in enumerate(extract(doc["text"][lo:hi]), 1):
            s, e = item["offset"]
            times.append({"id": f"{plan['id']}.t{n}", "text": item["text"], "span": [lo + s, lo + e],
                          "start": None, "end": None, **jionlp_time(item)})
        plan["times"] = times
    return out


def _score(gold: Path, pred: Path) -> dict[str, dict[str, float]]:
    cmd = [sys.executable, str(SHARED / "eval" / "score.py"), str(gold), str(pred), "--json"]
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def _best_rate(run, texts: list[tuple[str, tuple[int, int]]], repeat: int) -> float:
    chars = sum(hi - lo for _, (lo, hi) in texts)
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for text, span in texts:
            run(text, span)
        best = min(best, time.perf_counter() - started)
    return chars / best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "dev")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="write the two prediction folders here instead of a temp folder")
    args = ap.parse_args(argv)
    extract = _load_jionlp()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        ours, theirs = out / "planparse", out / "jionlp"
        ours.mkdir(parents=True, exist_ok=True)
        theirs.mkdir(parents=True, exist_ok=True)
        texts: list[tuple[str, tuple[int, int]]] = []
        for gold in sorted(args.gold.glob("*.gold.json")):
            name = gold.name[: -len(".gold.json")]
            src = find_input(name)
            if src is None:
                print(f"{name}: input not found", file=sys.stderr)
                continue
            doc = planparse.parse(src).to_dict()
            texts += [(doc["text"], tuple(p["span"])) for p in doc["plans"]]
            (ours / f"{name}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
            (theirs / f"{name}.json").write_text(json.dumps(_with_jionlp_times(doc, extract), ensure_ascii=False),
                                                 encoding="utf-8")
        scores = {"planparse": _score(args.gold, ours), "jionlp": _score(args.gold, theirs)}
        rates = {
            "planparse": _best_rate(lambda t, s: find_times(t, s, year=None, id_prefix="p."), texts, args.repeat),
            "jionlp": _best_rate(lambda t, s: extract(t[s[0]:s[1]]), texts, args.repeat),
        }
    print(f"{'tool':<11}{'times P':>9}{'R':>7}{'F1':>7}{'values P':>10}{'R':>7}{'F1':>7}{'chars/s':>12}")
    for tool, table in scores.items():
        t, v = table["times"], table["time_values"]
        print(f"{tool:<11}{t['precision']:>9.3f}{t['recall']:>7.3f}{t['f1']:>7.3f}"
              f"{v['precision']:>10.3f}{v['recall']:>7.3f}{v['f1']:>7.3f}{rates[tool]:>12,.0f}")
    chars = sum(hi - lo for _, (lo, hi) in texts)
    print(f"\n{chars} characters of plan text; planparse is {rates['planparse'] / rates['jionlp']:.1f}x "
          f"as fast as jionlp's extract_time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
