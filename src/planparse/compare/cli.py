"""The `compare` and `families` commands. planparse.cli wires them with
`add_subcommands(sub)`; each sets `run`, the function main() calls with the parsed arguments."""
from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from ..errors import PlanParseError
from . import compare
from .corpus import Corpus

# Only names here: the planparse command builds this parser for every subcommand, and the comparison
# modules load scipy and datasketch.
if TYPE_CHECKING:
    from .families import Family


def _cmd_compare(args: argparse.Namespace) -> int:
    """Exit 0 after printing the comparison, 2 when a side cannot be read."""
    try:
        result = compare(args.a, args.b)
    except PlanParseError as exc:
        print(f"planparse: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        sys.stdout.write(result.to_json(indent=1 if args.indent else None) + "\n")
    elif args.format == "html":
        from .render_html import render_html

        sys.stdout.write(render_html(result))
    else:
        from .render_text import render_text

        sys.stdout.write(render_text(result))
    return 0


def family_lines(family: Family, n: int) -> list[str]:
    lines = [f"family {n} ({family.kind}, {len(family.members)} plans, similarity {family.similarity:.2f})"]
    if family.words:
        lines.append("  title words: " + " · ".join(family.words))
    lines += ["  skeleton:" if family.skeleton else "  skeleton: (no heading most members share)"]
    lines += [f"    {h.heading}" + (f"  〔{h.role}〕" if h.role and h.role != h.heading else "")
              + f"  ({h.share:.0%} of members)" for h in family.skeleton]
    for member in family.members:
        d = family.deviations[member]
        lines.append(f"  {member}")
        lines += [f"    - {h}" for h in d.missing]
        lines += [f"    ~ {h}  →  {theirs}" for h, theirs in d.renamed]
        lines += [f"    + {h}" for h in d.extra]
    return lines


def _cmd_families(args: argparse.Namespace) -> int:
    """Exit 0; files that cannot be read are named on stderr and left out (exit 1 if any)."""
    corpus = Corpus(args.inputs, jobs=args.jobs)
    for message in corpus.failed:
        print(f"planparse: {message}", file=sys.stderr)
    families = corpus.families(args.near_duplicate, args.template)
    if args.format == "json":
        out = {"plans": corpus.names, "families": [f.to_dict() for f in families]}
        if args.matrix:
            out["matrix"] = corpus.matrix().round(3).tolist()
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    else:
        lines = [f"{len(corpus.names)} plans, {len(families)} families"]
        for n, family in enumerate(families, 1):
            lines += ["", *family_lines(family, n)]
        if args.matrix:
            lines += ["", "similarity (estimated Jaccard of text shingles):"]
            lines += [f"  {row_name}  " + " ".join(f"{v:.2f}" for v in row)
                      for row_name, row in zip(corpus.names, corpus.matrix(), strict=True)]
        sys.stdout.write("\n".join(lines) + "\n")
    return 1 if corpus.failed else 0


def _threshold(text: str) -> float:
    value = float(text)
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"must be in (0, 1], not {text}")
    return value


def add_subcommands(sub: argparse._SubParsersAction) -> None:
    c = sub.add_parser("compare", help="compare two plans: shared text, aligned sections, actors, duties, graph",
                       description="Compare plan A with plan B. A and B are plan files; FILE#N takes the N-th "
                                   "plan of a file holding several. Exit status: 0, or 2 when a file cannot be read.")
    c.add_argument("a", metavar="A", help="a plan file, or FILE#N")
    c.add_argument("b", metavar="B", help="a plan file, or FILE#N")
    c.add_argument("--format", choices=("text", "json", "html"), default="text",
                   help="text: a diff to read (default); json: the planparse-compare/1 object; html: the two "
                        "texts side by side with the reused passages marked")
    c.add_argument("--indent", action="store_true", help="indent the JSON")
    c.set_defaults(run=_cmd_compare)
    f = sub.add_parser("families", help="find near-duplicate and template families of plans in folders",
                       description="Group the plans under the folders (recursively) and files named into "
                                   "near-duplicate and template families, with each family's skeleton and each "
                                   "member's deviations. Exit status: 0, or 1 when some file could not be read.")
    f.add_argument("inputs", nargs="+", metavar="DIR_OR_FILE", help="a folder to search, or a plan file")
    f.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    f.add_argument("--jobs", type=int, default=None, metavar="N", help="worker processes for parsing")
    f.add_argument("--near-duplicate", type=_threshold, metavar="J",
                   help="text Jaccard that makes two plans near-duplicates (default in compare.json)")
    f.add_argument("--template", type=_threshold, metavar="J",
                   help="kind score (title words and outline) that puts two plans in one template family "
                        "(default in compare.json)")
    f.add_argument("--matrix", action="store_true", help="also print the similarity matrix (small corpora)")
    f.set_defaults(run=_cmd_families)
