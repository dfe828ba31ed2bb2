"""Parse every input that has gold in ../shared/gold/dev and print the scorer's table.

    python bench/accuracy.py [--out DIR] [--show-misses N] [--only FIELD]

Inputs are looked up in ../shared/seeds and ../shared/corpus (NAME.gold.json describes input
NAME); NAME.json is written for each into DIR (default bench/out/accuracy), then
../shared/eval/score.py scores that folder against the gold.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import planparse

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def find_input(name: str) -> Path | None:
    for folder in (SHARED / "seeds", SHARED / "corpus", ROOT / "corpora"):
        if (folder / name).is_file():
            return folder / name
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "dev")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "accuracy")
    ap.add_argument("--show-misses", type=int, default=0)
    args = ap.parse_args(argv)
    if not args.gold.is_dir():
        print(f"no gold folder at {args.gold}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    chars = 0
    for gold in sorted(args.gold.glob("*.gold.json")):
        name = gold.name[: -len(".gold.json")]
        src = find_input(name)
        target = args.out / f"{name}.json"
        if src is None:
            print(f"{name}: input not found", file=sys.stderr)
            target.unlink(missing_ok=True)
            continue
        try:
            doc = planparse.parse(src)
        except planparse.PlanParseError as exc:
            print(f"{name}: {exc}", file=sys.stderr)
            target.unlink(missing_ok=True)
            continue
        chars += len(doc.text)
        target.write_text(json.dumps(doc.to_dict(), ensure_ascii=False), encoding="utf-8")
    elapsed = time.perf_counter() - started
    cmd = [sys.executable, str(SHARED / "eval" / "score.py"), str(args.gold), str(args.out)]
    if args.show_misses:
        cmd += ["--show-misses", str(args.show_misses)]
    print(f"parsed {chars} characters in {elapsed:.2f} s", file=sys.stderr)
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
