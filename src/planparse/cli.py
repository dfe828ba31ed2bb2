"""The `planparse` command."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import __version__
from .errors import PlanParseError
from .model import Document
from .pipeline import parse


def render_tree(doc: Document) -> str:
    """An indented outline a person can read: each plan, its issuer and its section tree."""
    src = doc.source
    lines = [f"{src.path}  ({src.format}, {src.encoding or 'binary'}, {len(doc.plans)} plan(s), {len(doc.text)} characters)"]
    if not doc.plans:
        lines.append("  (no plan found)")
    for plan in doc.plans:
        issuer = f"  [{plan.issuer}]" if plan.issuer else ""
        lines.append(f"\n《{plan.title or '(untitled)'}》{issuer}")
        for s in plan.sections:
            label = s.label or "·"
            lines.append(f"{'  ' * s.level}{label} {s.title}")
    corrections = [w for w in doc.warnings if w.span is not None]
    others = [w for w in doc.warnings if w.span is None]
    if corrections or others:
        lines.append("")
        lines.append(f"warnings: {len(corrections)} corrections with spans"
                     + (f"; {'; '.join(w.message for w in others)}" if others else ""))
    return "\n".join(lines)


def _cmd_parse(args: argparse.Namespace) -> int:
    """Parse each file; a file that fails is reported on stderr and the others go on."""
    status = 0
    for i, path in enumerate(args.files):
        try:
            doc = parse(path)
        except PlanParseError as exc:
            print(f"planparse: {exc}", file=sys.stderr)
            status = 2
            continue
        if args.format == "json":
            out = json.dumps(doc.to_dict(), ensure_ascii=False, indent=1 if args.indent else None)
        else:
            out = ("\n" if i else "") + render_tree(doc)
        sys.stdout.write(out + "\n")
    return status


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="planparse", description="Turn Chinese administrative plans into structure.")
    ap.add_argument("--version", action="version", version=f"planparse {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse plan files and print their structure")
    p.add_argument("files", nargs="+", metavar="FILE", help="a plan file: .txt .docx .pdf .html .htm .md .doc")
    p.add_argument("--format", choices=("json", "tree"), default="tree",
                   help="json: the planparse/1 schema, one document per line; tree: an indented outline (default)")
    p.add_argument("--indent", action="store_true", help="indent the JSON")
    p.set_defaults(run=_cmd_parse)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except PlanParseError as exc:
        print(f"planparse: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
