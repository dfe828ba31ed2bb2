"""Gap checks, a linter for plans: rules that find what a plan leaves undone (a duty given to nobody,
a group with no leader, phases that overlap). `plan.check()` and `doc.check()` run them;
`planparse check` and `planparse rules` on the command line. Rules are listed in data/checks.json
with their severity, rationale and the example plans the tests run."""
from __future__ import annotations

from ..model import Finding, Plan
from .config import CheckConfig, ConfigError, config_for
from .registry import Context, Rule, rules

__all__ = ["CheckConfig", "ConfigError", "Rule", "check_plan", "config_for", "rules"]


def check_plan(plan: Plan, config: CheckConfig | None = None, text: str | None = None) -> list[Finding]:
    """The findings of every enabled rule on one plan, in text order."""
    config = config or CheckConfig()
    ctx = Context(plan, text)
    findings = []
    for rule in config.enabled():
        severity = config.severity_of(rule)
        for hit in rule.check(ctx):
            section = hit.section or (s.id if hit.span and (s := plan.section_at(hit.span[0])) else None)
            findings.append(Finding(rule.id, severity, hit.message, section, hit.span,
                                    tuple(dict.fromkeys(hit.refs))))
    return sorted(findings, key=lambda f: (f.span or plan.span)[0])
