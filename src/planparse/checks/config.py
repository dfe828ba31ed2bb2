"""Which rules run and how grave each is: `[tool.planparse]` in the pyproject.toml nearest above a
plan file (keys `select`, `ignore` and the table `severity`), then the command line's options."""
from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from .registry import SEVERITIES, Rule, rules


class ConfigError(ValueError):
    """A configuration that names an unknown rule or severity, or a pyproject.toml that is not TOML."""


@dataclass(frozen=True)
class CheckConfig:
    """`select` None runs every rule; `ignore` leaves rules out; `severity` overrides a rule's default."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    source: Path | None = None

    def __post_init__(self) -> None:
        where = f" in {self.source}" if self.source else ""
        known = rules()
        for rule_id in (*(self.select or ()), *self.ignore, *self.severity):
            if rule_id not in known:
                raise ConfigError(f"unknown rule {rule_id!r}{where}; `planparse rules` lists them")
        for rule_id, level in self.severity.items():
            if level not in SEVERITIES:
                raise ConfigError(f"severity of {rule_id} must be one of {', '.join(SEVERITIES)}, not {level!r}{where}")

    def enabled(self) -> list[Rule]:
        return [r for rid, r in rules().items()
                if (self.select is None or rid in self.select) and rid not in self.ignore]

    def severity_of(self, rule: Rule) -> str:
        return self.severity.get(rule.id, rule.severity)

    def with_options(self, select: Iterable[str] | None = None, ignore: Iterable[str] = ()) -> CheckConfig:
        """The command line's --select replaces the file's; its --ignore adds to the file's."""
        return replace(self, select=tuple(select) if select is not None else self.select,
                       ignore=(*self.ignore, *ignore), source=None)


def find_pyproject(path: str | Path) -> Path | None:
    """The nearest pyproject.toml with a [tool.planparse] table, from the file's folder up."""
    folder = Path(path).resolve()
    folder = folder if folder.is_dir() else folder.parent
    for candidate in (folder, *folder.parents):
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and "planparse" in _read(pyproject).get("tool", {}):
            return pyproject
    return None


def _read(pyproject: Path) -> dict:
    # A batch asks for the configuration of every file, mostly of the same few pyproject.toml:
    # each is parsed again only once it has changed.
    stat = pyproject.stat()
    return _parsed(pyproject, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _parsed(pyproject: Path, mtime_ns: int, size: int) -> dict:
    try:
        return tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{pyproject}: not valid TOML: {exc}") from exc


def load_config(pyproject: Path) -> CheckConfig:
    table = _read(pyproject).get("tool", {}).get("planparse", {})
    select, ignore, severity = table.get("select"), table.get("ignore", []), table.get("severity", {})
    if select is not None and not _strings(select) or not _strings(ignore) or not isinstance(severity, dict):
        raise ConfigError(f"{pyproject}: [tool.planparse] select and ignore must be lists of rule ids, "
                          "severity a table of rule id = level")
    return CheckConfig(tuple(select) if select is not None else None, tuple(ignore),
                       MappingProxyType(dict(severity)), pyproject)


def config_for(path: str | Path) -> CheckConfig:
    """The configuration that holds for a plan file: its pyproject's, or the defaults."""
    pyproject = find_pyproject(path)
    return load_config(pyproject) if pyproject else CheckConfig()


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)
