"""Speed and memory of plan comparison, against the targets of the comparison issue.

    python bench/compare.py [--plans N] [--jobs N] [--seed N]

Measures: compare() of two ~10,000-character plans (B is A with random edits: characters changed,
a paragraph dropped, two swapped), on parsed documents and from files; then family detection over
N plans (default 10,000) made in a temporary folder from the plans of the shared corpus by random
edits, with `--jobs` worker processes (default 2): the wall time, the families found, and the peak
RSS of the main process and of the largest worker. Prints a table of figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import planparse
from planparse.compare import Corpus, compare
from planparse.errors import PlanParseError

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
PAIR_CHARS = 10_000


def base_texts() -> list[str]:
    """The text of every plan of the shared corpus."""
    texts = []
    for path in sorted(CORPUS.iterdir()):
        if path.suffix in {".tsv"} or path.name == "README.md":
            continue
        try:
            doc = planparse.parse(path)
        except PlanParseError:
            continue
        texts += [doc.text[p.span[0]:p.span[1]] for p in doc.plans]
    return texts


def edited(text: str, rng: random.Random, rate: float) -> str:
    """Characters changed, dropped or added at `rate`; one paragraph dropped and two swapped now and then."""
    lines = text.split("\n")
    if len(lines) > 4 and rng.random() < 0.5:
        del lines[rng.randrange(1, len(lines))]
    if len(lines) > 4 and rng.random() < 0.5:
        i, j = rng.sample(range(1, len(lines)), 2)
        lines[i], lines[j] = lines[j], lines[i]
    text = "\n".join(lines)
    pieces, at = [], 0
    for pos in sorted(rng.sample(range(len(text)), int(len(text) * rate))):
        pieces.append(text[at:pos])
        op = rng.random()
        filler = text[rng.randrange(len(text))]
        pieces.append(filler if op < 0.4 else "" if op < 0.7 else text[pos] + filler)
        at = pos + 1
    pieces.append(text[at:])
    return "".join(pieces)


def peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def bench_pair(texts: list[str], rng: random.Random, rounds: int = 5) -> list[tuple[str, str]]:
    a_text = max(texts, key=len)
    while len(a_text) < PAIR_CHARS:
        a_text += "\n" + rng.choice(texts)
    # Cut at a line end near PAIR_CHARS characters, so that no heading is cut in two.
    a_text = a_text[:a_text.rfind("\n", 0, PAIR_CHARS) + 1]
    b_text = edited(a_text, rng, 0.02)
    a, b = planparse.parse_text(a_text, "a.txt"), planparse.parse_text(b_text, "b.txt")
    warm = compare(a, b)
    seconds = []
    for _ in range(rounds):
        # A new parse each round: the plans' graphs are built on first use and cached.
        a, b = planparse.parse_text(a_text, "a.txt"), planparse.parse_text(b_text, "b.txt")
        start = time.perf_counter()
        compare(a, b)
        seconds.append(time.perf_counter() - start)
    with tempfile.TemporaryDirectory() as tmp:
        pa, pb = Path(tmp) / "a.txt", Path(tmp) / "b.txt"
        pa.write_text(a_text, encoding="utf-8")
        pb.write_text(b_text, encoding="utf-8")
        start = time.perf_counter()
        compare(pa, pb)
        from_files = time.perf_counter() - start
    return [("pair: characters A / B", f"{len(a_text)} / {len(b_text)}"),
            ("pair: sections A / B", f"{len(warm.a.sections)} / {len(warm.b.sections)}"),
            ("pair: compare() on parsed plans, median s", f"{statistics.median(seconds):.3f}"),
            ("pair: compare() from two files (parse included), s", f"{from_files:.3f}"),
            ("pair: similarity / reused passages", f"{warm.similarity:.3f} / {len(warm.reused)}")]


def bench_families(texts: list[str], rng: random.Random, plans: int, jobs: int) -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        chars = 0
        for n in range(plans):
            text = edited(rng.choice(texts), rng, rng.uniform(0.0, 0.05))
            chars += len(text)
            (folder / f"plan_{n:06d}.txt").write_text(text, encoding="utf-8")
        made = time.perf_counter() - start
        start = time.perf_counter()
        corpus = Corpus(folder, jobs=jobs)
        signed = time.perf_counter() - start
        start = time.perf_counter()
        families = corpus.families()
        grouped = time.perf_counter() - start
    near = [f for f in families if f.kind == "near-duplicate"]
    template = [f for f in families if f.kind == "template"]
    return [("families: plans written (characters)", f"{plans} ({chars:,})"),
            ("families: writing them, s", f"{made:.1f}"),
            (f"families: parse + signatures, {jobs} jobs, s", f"{signed:.1f}"),
            ("families: LSH + skeletons, s", f"{grouped:.1f}"),
            ("families: total, s", f"{signed + grouped:.1f}"),
            ("families: signatures / unreadable", f"{len(corpus.signatures)} / {len(corpus.failed)}"),
            ("families: near-duplicate families (largest)", f"{len(near)} ({max((len(f.members) for f in near), default=0)})"),
            ("families: template families (largest)", f"{len(template)} ({max((len(f.members) for f in template), default=0)})"),
            ("families: base plans they were made from", str(len(texts))),
            ("peak RSS: main process, MB", f"{peak_rss_mb(resource.RUSAGE_SELF):.0f}"),
            ("peak RSS: largest worker, MB", f"{peak_rss_mb(resource.RUSAGE_CHILDREN):.0f}")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"bench/compare.py: {CORPUS} is missing", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    texts = base_texts()
    rows = bench_pair(texts, rng) + bench_families(texts, rng, args.plans, args.jobs)
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
