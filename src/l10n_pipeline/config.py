"""The project's configuration: ``[tool.l10n-pipeline]`` in pyproject.toml, validated once."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError

from .errors import ConfigError

SECTION = "l10n-pipeline"

DEFAULTS: dict[str, Any] = {
    "source_dir": "source_texts",
    "locales_dir": "locales",
    "domain": "articles",
    "source_locale": "en",
    "locales": ["az", "ru", "tr"],
    "glossary": "glossary.yaml",
    "render_dir": "build",
    "checks": None,
    "project_name": None,
    "bugs_address": "",
}


@dataclass(frozen=True)
class ReleasePolicy:
    """When a locale may ship: po4a's 80% by default."""

    min_translated: float = 80.0
    max_fuzzy: float = 100.0
    blocking: bool = True


@dataclass(frozen=True)
class Config:
    root: Path
    source_dir: Path
    locales_dir: Path
    domain: str
    source_locale: str
    locales: tuple[str, ...]
    glossary: Path | None
    render_dir: Path
    checks: tuple[str, ...] | None = None
    project_name: str = "l10n-pipeline"
    bugs_address: str = ""
    release: dict[str, ReleasePolicy] = field(default_factory=dict)
    default_release: ReleasePolicy = ReleasePolicy()
    pyproject: Path | None = None

    @property
    def all_locales(self) -> tuple[str, ...]:
        """The source locale's catalog first, then the targets."""
        return (self.source_locale, *[loc for loc in self.locales if loc != self.source_locale])

    @property
    def pot_path(self) -> Path:
        return self.locales_dir / f"{self.domain}.pot"

    def po_path(self, locale: str) -> Path:
        return self.locales_dir / locale / "LC_MESSAGES" / f"{self.domain}.po"

    def mo_path(self, locale: str) -> Path:
        return self.po_path(locale).with_suffix(".mo")

    def policy(self, locale: str) -> ReleasePolicy:
        return self.release.get(locale, self.default_release)

    def relative(self, path: Path) -> str:
        """A path as users see it: relative to the project root, with forward slashes."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)


def find_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(start: Path | None = None) -> Config:
    """Read the configuration of the project that holds ``start`` (default: the current folder).

    Without a pyproject.toml, or without our section, the defaults apply with ``start`` as the root.
    """
    start = (start or Path.cwd()).resolve()
    pyproject = find_pyproject(start)
    if pyproject is None:
        return _build(start, {}, None, "")
    text = _read_text(pyproject)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        line = _toml_error_line(err)
        raise ConfigError(
            f"not valid TOML: {err}", path=str(pyproject), line=line, hint="fix the TOML syntax"
        ) from None
    section = data.get("tool", {}).get(SECTION, {})
    if not isinstance(section, dict):
        raise ConfigError(
            f"[tool.{SECTION}] must be a table",
            path=str(pyproject),
            line=_line_of(text, f"{SECTION}"),
        )
    return _build(pyproject.parent, section, pyproject, text)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ConfigError("not UTF-8 text", path=str(path), hint="save it as UTF-8") from None
    except OSError as err:
        raise ConfigError(f"cannot read: {err.strerror}", path=str(path)) from None


def _toml_error_line(err: tomllib.TOMLDecodeError) -> int | None:
    match = re.search(r"line (\d+)", str(err))
    return int(match.group(1)) if match else None


def _line_of(text: str, key: str) -> int | None:
    """The first line of pyproject.toml that sets ``key``, for error messages."""
    pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=|\[[^\]]*{re.escape(key)}[^\]]*\]", re.M)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _build(root: Path, section: dict[str, Any], pyproject: Path | None, text: str) -> Config:
    where = str(pyproject) if pyproject else None

    def fail(key: str, message: str, hint: str | None = None) -> ConfigError:
        return ConfigError(
            f"[tool.{SECTION}] {key}: {message}", path=where, line=_line_of(text, key), hint=hint
        )

    known = set(DEFAULTS) | {"release"}
    for key in section:
        if key not in known:
            raise fail(key, "unknown setting", f"known settings: {', '.join(sorted(known))}")
    values = {**DEFAULTS, **{k: v for k, v in section.items() if k != "release"}}

    for key in ("source_dir", "locales_dir", "domain", "source_locale", "render_dir"):
        if not isinstance(values[key], str) or not values[key]:
            raise fail(key, f"must be a non-empty string, not {values[key]!r}")
    if values["glossary"] is not None and not isinstance(values["glossary"], str):
        raise fail("glossary", f"must be a string path, not {values['glossary']!r}")
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", values["domain"]):
        raise fail("domain", f"{values['domain']!r} is not a valid gettext domain name")
    locales = values["locales"]
    if not isinstance(locales, list) or not all(isinstance(loc, str) for loc in locales):
        raise fail("locales", f"must be a list of locale codes, not {locales!r}")
    checks = values["checks"]
    if checks is not None and (
        not isinstance(checks, list) or not all(isinstance(c, str) for c in checks)
    ):
        raise fail("checks", f"must be a list of check ids, not {checks!r}")
    for key in ("project_name", "bugs_address"):
        if values[key] is not None and not isinstance(values[key], str):
            raise fail(key, f"must be a string, not {values[key]!r}")

    for code in (values["source_locale"], *locales):
        _require_locale(code, fail)

    default_release, release = _release_policies(section.get("release", {}), fail)
    project_name = values["project_name"] or _project_name(pyproject) or "l10n-pipeline"
    return Config(
        root=root,
        source_dir=_inside(root, values["source_dir"], "source_dir", fail),
        locales_dir=_inside(root, values["locales_dir"], "locales_dir", fail),
        domain=values["domain"],
        source_locale=values["source_locale"],
        locales=tuple(dict.fromkeys(locales)),
        glossary=_inside(root, values["glossary"], "glossary", fail) if values["glossary"] else None,
        render_dir=_inside(root, values["render_dir"], "render_dir", fail),
        checks=tuple(checks) if checks is not None else None,
        project_name=project_name,
        bugs_address=values["bugs_address"] or "",
        release=release,
        default_release=default_release,
        pyproject=pyproject,
    )


def _project_name(pyproject: Path | None) -> str | None:
    if pyproject is None:
        return None
    try:
        return tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {}).get("name")
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None


def _require_locale(code: str, fail) -> None:
    try:
        Locale.parse(code)
    except (ValueError, TypeError, UnknownLocaleError):
        raise fail("locales", f"{code!r} is not a locale CLDR knows", "use codes like az, ru, pt_BR") from None


def _inside(root: Path, value: str, key: str, fail) -> Path:
    """Resolve a configured path, refusing any that leaves the project folder."""
    candidate = Path(value)
    if candidate.is_absolute() or ".." in candidate.parts:
        raise fail(key, f"{value!r} leaves the project folder", "use a path relative to the project root")
    resolved = (root / candidate).resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise fail(key, f"{value!r} leaves the project folder", "use a path relative to the project root")
    return root / candidate


def _release_policies(table: Any, fail) -> tuple[ReleasePolicy, dict[str, ReleasePolicy]]:
    if not isinstance(table, dict):
        raise fail("release", "must be a table")
    defaults = _policy(table, ReleasePolicy(), "release", fail)
    per_locale = {}
    for key, value in table.items():
        if isinstance(value, dict):
            _require_locale(key, fail)
            per_locale[key] = _policy(value, defaults, f"release.{key}", fail)
    return defaults, per_locale


def _policy(table: dict[str, Any], base: ReleasePolicy, where: str, fail) -> ReleasePolicy:
    values = {}
    for key, value in table.items():
        if isinstance(value, dict):
            continue
        if key in ("min_translated", "max_fuzzy"):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
                raise fail(key, f"{where}.{key} must be a percentage from 0 to 100, not {value!r}")
            values[key] = float(value)
        elif key == "blocking":
            if not isinstance(value, bool):
                raise fail(key, f"{where}.blocking must be true or false, not {value!r}")
            values[key] = value
        else:
            raise fail(key, f"unknown setting {where}.{key}", "known: min_translated, max_fuzzy, blocking")
    return ReleasePolicy(
        min_translated=values.get("min_translated", base.min_translated),
        max_fuzzy=values.get("max_fuzzy", base.max_fuzzy),
        blocking=values.get("blocking", base.blocking),
    )
