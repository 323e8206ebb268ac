"""SARIF 2.1.0 for code scanning: a rule per registered check (and the release gate), a result per finding."""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..baseline import Gate, State, fingerprint
from ..models import Finding, Severity
from ..pipeline import CheckRun
from ..qa.registry import CHECKS

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_NAME = "l10n-pipeline"
SOURCE_ROOT = "%SRCROOT%"
FINGERPRINT_KEY = "l10nFinding/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

RELEASE_RULE = {
    "id": "release",
    "name": "Release threshold",
    "shortDescription": {"text": "Release threshold"},
    "fullDescription": {
        "text": "A locale is less translated, or more fuzzy, than its release policy in [tool.l10n-pipeline] allows."
    },
    "defaultConfiguration": {"level": "error"},
}


def registered_rules() -> list[dict[str, Any]]:
    """Rule metadata for every registered check, then the release gate."""
    rules = [
        {
            "id": check.check_id,
            "name": check.name,
            "shortDescription": {"text": check.name},
            "fullDescription": {"text": check.description},
            "help": {"text": f"{check.description} Waive one entry with the PO flag `#, {check.ignore_flag()}`."},
            "defaultConfiguration": {"level": LEVELS[check.severity]},
        }
        for check in CHECKS
    ]
    return [*rules, RELEASE_RULE]


def to_sarif(run: CheckRun, gate: Gate | None = None) -> str:
    """The SARIF log of ``run``: one run, rules first, results in the report's stable order."""
    gate = gate or Gate()
    rules = registered_rules()
    for finding in run.findings:
        if finding.check not in {rule["id"] for rule in rules}:
            rules.append({"id": finding.check, "shortDescription": {"text": finding.check}})
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": {"name": TOOL_NAME, "version": __version__, "rules": rules}},
                "originalUriBaseIds": {SOURCE_ROOT: {"description": {"text": "The project root."}}},
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, gate, index[f.check]) for f in run.findings],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2, default=str) + "\n"


def _result(finding: Finding, gate: Gate, rule_index: int) -> dict[str, Any]:
    state = gate.state(finding)
    result: dict[str, Any] = {
        "ruleId": finding.check,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding)},
        "properties": {
            "locale": finding.locale,
            "msgctxt": finding.msgctxt,
            "msgid": finding.msgid,
            "details": finding.details,
            "state": state.value,
        },
    }
    if finding.file:
        result["locations"] = [_location(finding)]
    if state is State.WAIVED:
        result["suppressions"] = [
            {"kind": "inSource", "justification": f"waived by a PO flag (ignore-{finding.check} or ignore-all-checks)"}
        ]
    if len(gate.baseline) and state is not State.WAIVED:
        result["baselineState"] = "unchanged" if state is State.BASELINED else "new"
    return result


def _location(finding: Finding) -> dict[str, Any]:
    path = PurePosixPath(finding.file or "")
    if path.is_absolute():
        artifact = {"uri": "file://" + quote(str(path))}
    else:
        artifact = {"uri": quote(str(path)), "uriBaseId": SOURCE_ROOT}
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if finding.line:
        physical["region"] = {"startLine": finding.line}
    return {"physicalLocation": physical}
