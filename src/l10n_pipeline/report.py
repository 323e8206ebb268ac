"""Findings rendered for people and machines, and the exit code they mean."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from itertools import groupby

from .baseline import FAIL_ON, Gate, State, fingerprint
from .errors import ExitCode
from .models import Finding, Severity
from .pipeline import CheckRun
from .qa.runner import CatalogResult
from .reporters.github import to_github
from .reporters.junit import to_junit
from .reporters.sarif import to_sarif

__all__ = [
    "FAIL_ON", "FORMATS", "SCHEMA_VERSION", "exit_code", "finding_dict", "render",
    "summary", "summary_line", "to_json", "to_text",
]

SCHEMA_VERSION = 1
COLORS = {"error": "31", "warning": "33", "info": "36"}


def exit_code(findings: list[Finding], fail_on: str = "error", gate: Gate | None = None) -> ExitCode:
    """1 when an unwaived, unbaselined finding is at or above ``fail_on``, else 0."""
    return (gate or Gate(fail_on)).exit_code(findings)


def summary(run: CheckRun, gate: Gate | None = None) -> dict:
    """Counts per severity of the new findings, plus waived and baselined ones, overall and per catalog."""
    gate = gate or Gate()
    findings = run.findings
    new = [f for f in findings if gate.is_new(f)]
    by_severity = Counter(f.severity.value for f in new)
    return {
        "errors": by_severity.get("error", 0),
        "warnings": by_severity.get("warning", 0),
        "info": by_severity.get("info", 0),
        "waived": sum(f.waived for f in findings),
        "baselined": sum(gate.state(f) is State.BASELINED for f in findings),
        "failing": sum(gate.state(f) is State.FAILING for f in findings),
        "fail_on": gate.fail_on,
        "by_check": dict(sorted(Counter(f.check for f in new).items())),
        "locales": {result.stats.locale: _catalog_summary(result, findings, gate) for result in run.catalogs},
    }


def _catalog_summary(result: CatalogResult, findings: list[Finding], gate: Gate) -> dict:
    stats = result.stats
    mine = [f for f in findings if f.file == stats.file]
    new = [f for f in mine if gate.is_new(f)]
    return {
        "file": stats.file,
        "entries": stats.total,
        "translated": stats.translated,
        "fuzzy": stats.fuzzy,
        "untranslated": stats.untranslated,
        "translated_share": round(stats.translated_share, 2),
        "errors": sum(f.severity is Severity.ERROR for f in new),
        "warnings": sum(f.severity is Severity.WARNING for f in new),
        "waived": sum(f.waived for f in mine),
        "baselined": sum(gate.state(f) is State.BASELINED for f in mine),
    }


def finding_dict(finding: Finding, gate: Gate | None = None) -> dict:
    state = (gate or Gate()).state(finding)
    return {
        "check": finding.check,
        "severity": finding.severity.value,
        "locale": finding.locale,
        "file": finding.file,
        "line": finding.line,
        "msgctxt": finding.msgctxt,
        "msgid": finding.msgid,
        "message": finding.message,
        "details": finding.details,
        "waived": finding.waived,
        "baselined": state is State.BASELINED,
        "state": state.value,
        "fingerprint": fingerprint(finding),
    }


def to_json(run: CheckRun, gate: Gate | None = None) -> str:
    """The versioned JSON report: findings in a stable order, cross-locale rows, summary."""
    document = {
        "schema_version": SCHEMA_VERSION,
        "findings": [finding_dict(f, gate) for f in run.findings],
        "cross_locale": run.cross_locale,
        "summary": summary(run, gate),
    }
    return json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n"


def to_text(run: CheckRun, color: bool = False, gate: Gate | None = None) -> str:
    """GNU-style ``path:line: severity[check]: message`` lines, grouped by file."""
    gate = gate or Gate()
    lines = []
    for file, group in groupby(run.findings, key=lambda f: f.file or ""):
        if color and file:
            lines.append(_paint(file, "1"))
        lines.extend(_text_line(finding, gate.state(finding), color) for finding in group)
    for row in run.cross_locale:
        agree = f"; right in {', '.join(row['agree'])}" if row["agree"] else ""
        lines.append(f"across locales: {row['check']} differ in {', '.join(row['disagree'])}{agree}: {_short(row['msgid'])}")
    return "\n".join(lines) + ("\n" if lines else "")


def _text_line(finding: Finding, state: State, color: bool) -> str:
    severity = finding.severity.value
    if state in (State.WAIVED, State.BASELINED):
        severity += f" ({state.value})"
    if color:
        severity = _paint(severity, "2" if state in (State.WAIVED, State.BASELINED) else COLORS[finding.severity.value])
    where = f"{finding.file}:{finding.line}" if finding.line else (finding.file or "-")
    return f"{where}: {severity}[{finding.check}]: {finding.message}"


def summary_line(run: CheckRun, gate: Gate | None = None) -> str:
    counts = summary(run, gate)
    baselined = f", {counts['baselined']} baselined" if gate is not None and len(gate.baseline) else ""
    return (
        f"{counts['errors']} error(s), {counts['warnings']} warning(s), {counts['info']} info, "
        f"{counts['waived']} waived{baselined} in {len(run.catalogs)} catalog(s)"
    )


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _paint(text: str, code: str) -> str:
    return f"\x1b[{code}m{text}\x1b[0m"


def _plain_text(run: CheckRun, gate: Gate | None = None) -> str:
    return to_text(run, gate=gate)


FORMATS: dict[str, Callable[[CheckRun, Gate], str]] = {
    "text": _plain_text,
    "json": to_json,
    "junit": to_junit,
    "sarif": to_sarif,
    "github": to_github,
}


def render(run: CheckRun, output_format: str, gate: Gate | None = None, color: bool = False) -> str:
    """The report of ``run`` in one of FORMATS (colour applies to text only)."""
    gate = gate or Gate()
    if output_format == "text":
        return to_text(run, color=color, gate=gate)
    return FORMATS[output_format](run, gate)
