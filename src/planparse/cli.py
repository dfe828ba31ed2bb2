"""The `planparse` command."""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .batch.job import DEFAULT_MAX_CHARS
from .batch.runner import ENGINES, BatchOptions, default_jobs, run_batch
from .compare.cli import add_subcommands as _add_compare
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
    if args.format == "graphml" and len(args.files) > 1:
        # Two GraphML documents in one stream are not GraphML, and their plan ids (p1, ...) collide.
        print("planparse: --format graphml takes one FILE", file=sys.stderr)
        return 2
    status = 0
    for i, path in enumerate(args.files):
        try:
            doc = parse(path)
        except PlanParseError as exc:
            print(f"planparse: {exc}", file=sys.stderr)
            status = 2
            continue
        if args.format == "json":
            out = json.dumps(doc.to_dict(), ensure_ascii=False, indent=1 if args.indent else None) + "\n"
        elif args.format == "graphml":
            # networkx is loaded only for the graph, not for every parse.
            from .graph import graphml_text

            out = graphml_text(doc.graph)
        else:
            out = ("\n" if i else "") + render_tree(doc) + "\n"
        sys.stdout.write(out)
    return status


def _cmd_batch(args: argparse.Namespace) -> int:
    """Exit 0 when every input is ok or skipped, 1 when any failed, 2 for a command that cannot run."""
    if args.scheduler and args.engine != "dask":
        print("planparse: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    if args.engine == "dask":
        try:
            import distributed  # noqa: F401
        except ImportError:
            print("planparse: --engine dask needs dask.distributed: pip install 'planparse[dask]'",
                  file=sys.stderr)
            return 2
    if args.report and importlib.util.find_spec("matplotlib") is None:
        print("planparse: --report needs matplotlib: pip install 'planparse[display]'", file=sys.stderr)
        return 2
    options = BatchOptions(out=args.out, jobs=args.jobs, resume=args.resume, engine=args.engine,
                           scheduler=args.scheduler, timeout=args.timeout, max_chars=args.max_chars,
                           year=args.year)
    try:
        report = run_batch(args.inputs, options)
    except KeyboardInterrupt:
        print("planparse batch: interrupted; run again with --resume to finish", file=sys.stderr)
        return 130
    print(report.summary, file=sys.stderr)
    if args.report:
        # matplotlib is loaded only for the report.
        from .report import write_report

        print(f"planparse batch: report in {write_report(args.out, args.jobs)}", file=sys.stderr)
    return 1 if report.count("failed") else 0


def _positive(kind: type) -> object:
    def convert(text: str) -> object:
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be above 0, not {text}")
        return value
    convert.__name__ = kind.__name__
    return convert


def _add_batch(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("batch", help="parse every plan file under folders into JSON, tables and a manifest",
                       description="Parse every plan file under the folders (recursively) and the files "
                                   "named. Exit status: 0 when every input is ok or skipped, 1 when any failed.")
    b.add_argument("inputs", nargs="+", metavar="DIR_OR_FILE", help="a folder to search, or a plan file")
    b.add_argument("--out", required=True, type=Path, metavar="OUT",
                   help="output folder: NAME.json per input, tables/, graphs/, manifest.csv")
    b.add_argument("--jobs", type=_positive(int), default=default_jobs(), metavar="N",
                   help="worker processes (default: every core, here %(default)s)")
    b.add_argument("--resume", action="store_true",
                   help="keep the outputs of an earlier run into OUT; parse only inputs without one")
    b.add_argument("--engine", choices=ENGINES, default="local",
                   help="local worker processes (default) or a Dask cluster")
    b.add_argument("--scheduler", metavar="ADDR", help="the Dask scheduler to use (default: a local cluster)")
    b.add_argument("--timeout", type=_positive(float), default=60.0, metavar="SECONDS",
                   help="time limit per file (default %(default)s)")
    b.add_argument("--max-chars", type=_positive(int), default=DEFAULT_MAX_CHARS, metavar="N",
                   help="size limit per file in characters of text (default %(default)s)")
    b.add_argument("--year", type=int, help="the year of dates written without one (default: the plan's own)")
    b.add_argument("--report", action="store_true",
                   help="also write OUT/report/index.html: a static HTML report of every plan, with its "
                        "section tree, graph, timeline, duties and findings")
    b.set_defaults(run=_cmd_batch)


def _rule_ids(text: str) -> list[str]:
    return [r for r in (x.strip() for x in text.split(",")) if r]


def _cmd_check(args: argparse.Namespace) -> int:
    """Exit 1 when any error-level finding is found, 2 when a file cannot be read or configured, else 0."""
    # The checks load networkx; only this command needs them.
    from .checks import ConfigError, config_for
    from .checks.render import json_line, text_lines

    status = 0
    for path in args.files:
        try:
            config = config_for(path).with_options(args.select, args.ignore or ())
            doc = parse(path)
        except (PlanParseError, ConfigError) as exc:
            print(f"planparse: {exc}", file=sys.stderr)
            status = 2
            continue
        findings = doc.check(config)
        if args.format == "json":
            print(json_line(str(path), findings))
        else:
            for line in text_lines(str(path), doc, findings):
                print(line)
        if status == 0 and any(f.severity == "error" for f in findings):
            status = 1
    return status


def _cmd_rules(args: argparse.Namespace) -> int:
    from .checks import rules

    for rule in rules().values():
        print(f"{rule.id:<22} {rule.severity:<8} {rule.rationale}")
    return 0


def _add_checks(sub: argparse._SubParsersAction) -> None:
    c = sub.add_parser("check", help="find gaps in plans: duties given to nobody, groups without a leader, ...",
                       description="Run the gap checks (`planparse rules` lists them) over plan files and print "
                                   "path:line:col: RULE message. [tool.planparse] in the nearest pyproject.toml "
                                   "above a file sets select, ignore and severity. Exit status: 0 when no "
                                   "error-level finding, 1 when any, 2 when a file cannot be read.")
    c.add_argument("files", nargs="+", metavar="FILE", help="a plan file: .txt .docx .pdf .html .htm .md .doc")
    c.add_argument("--select", type=_rule_ids, metavar="IDS", help="run only these rules (comma-separated ids)")
    c.add_argument("--ignore", type=_rule_ids, metavar="IDS", help="leave these rules out (comma-separated ids)")
    c.add_argument("--format", choices=("text", "json"), default="text",
                   help="text: one line a finding (default); json: one object per file with its findings")
    c.set_defaults(run=_cmd_check)
    r = sub.add_parser("rules", help="list the gap checks with their severity and rationale")
    r.set_defaults(run=_cmd_rules)


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="planparse", description="Turn Chinese administrative plans into structure.")
    ap.add_argument("--version", action="version", version=f"planparse {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse plan files and print their structure")
    p.add_argument("files", nargs="+", metavar="FILE", help="a plan file: .txt .docx .pdf .html .htm .md .doc")
    p.add_argument("--format", choices=("json", "tree", "graphml"), default="tree",
                   help="json: the planparse/1 schema, one document per line; tree: an indented outline "
                        "(default); graphml: the graph of one file's plans (docs/graph.md)")
    p.add_argument("--indent", action="store_true", help="indent the JSON")
    p.set_defaults(run=_cmd_parse)
    _add_batch(sub)
    _add_checks(sub)
    _add_compare(sub)
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
