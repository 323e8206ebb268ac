"""Known findings: stable fingerprints, baseline files, and the gate that judges findings against them."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from .errors import ExitCode, PipelineError
from .fileio import atomic_write
from .models import Finding, Severity

SCHEMA_VERSION = 1
FAIL_ON: dict[str, Severity | None] = {"error": Severity.ERROR, "warning": Severity.WARNING, "never": None}

# Details that change while the finding stays the same one (a release gate's current share).
VOLATILE_DETAILS = frozenset({"translated_share", "fuzzy_share", "line"})
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def fingerprint(finding: Finding) -> str:
    """A hash of what the finding is about, not where it stands: it survives line moves.

    The details carry the data; the message's wording, digits masked, tells apart
    findings of different kinds that share their details (a release gate's two limits).
    """
    stable_details = {key: value for key, value in finding.details.items() if key not in VOLATILE_DETAILS}
    message = _DIGITS.sub("#", finding.message) if stable_details else finding.message
    essence = [finding.check, finding.locale, finding.msgctxt, finding.msgid, stable_details, message]
    encoded = json.dumps(essence, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Baseline:
    """The fingerprints of findings accepted earlier."""

    fingerprints: frozenset[str] = frozenset()

    def __contains__(self, finding: object) -> bool:
        return isinstance(finding, Finding) and fingerprint(finding) in self.fingerprints

    def __len__(self) -> int:
        return len(self.fingerprints)


def baseline_document(findings: list[Finding]) -> dict[str, Any]:
    """The JSON document of a baseline: unwaived findings, one per fingerprint, sorted."""
    entries: dict[str, dict[str, Any]] = {}
    for finding in findings:
        if finding.waived:
            continue
        entries.setdefault(
            fingerprint(finding),
            {
                "check": finding.check,
                "locale": finding.locale,
                "msgctxt": finding.msgctxt,
                "msgid": finding.msgid,
                "message": finding.message,
            },
        )
    return {
        "schema_version": SCHEMA_VERSION,
        "findings": [{"fingerprint": key, **entries[key]} for key in sorted(entries)],
    }


def write_baseline(path: Path, findings: list[Finding]) -> int:
    """Write the baseline of ``findings`` to ``path``; returns how many findings it accepts."""
    document = baseline_document(findings)
    atomic_write(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return len(document["findings"])


def read_baseline(path: Path) -> Baseline:
    """Read a baseline file; PipelineError naming file and line when it is not one."""
    shown = str(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise PipelineError("baseline is not UTF-8 text", path=shown, hint="save it as UTF-8") from None
    except json.JSONDecodeError as err:
        raise PipelineError(f"baseline is not valid JSON: {err.msg}", path=shown, line=err.lineno) from None
    return Baseline(_fingerprints(document, shown))


def _fingerprints(document: Any, shown: str) -> frozenset[str]:
    hint = "write one with `l10n check --write-baseline FILE`"
    if not isinstance(document, dict) or document.get("schema_version") != SCHEMA_VERSION:
        raise PipelineError(f"not a baseline of schema_version {SCHEMA_VERSION}", path=shown, hint=hint)
    items = document.get("findings")
    if not isinstance(items, list) or not all(
        isinstance(item, dict) and isinstance(item.get("fingerprint"), str) for item in items
    ):
        raise PipelineError("baseline findings must be a list of objects with a fingerprint", path=shown, hint=hint)
    return frozenset(item["fingerprint"] for item in items)


class State(str, Enum):
    """What a finding means for the gate."""

    FAILING = "failing"  # new, at or above --fail-on
    REPORTED = "reported"  # new, below --fail-on
    BASELINED = "baselined"  # known from the baseline
    WAIVED = "waived"  # a PO flag on the entry waives it


@dataclass(frozen=True)
class Gate:
    """How findings are judged: the ``--fail-on`` threshold and the accepted baseline."""

    fail_on: str = "error"
    baseline: Baseline = Baseline()

    def __post_init__(self) -> None:
        if self.fail_on not in FAIL_ON:
            raise ValueError(f"fail_on must be one of {', '.join(FAIL_ON)}, not {self.fail_on!r}")

    def state(self, finding: Finding) -> State:
        if finding.waived:
            return State.WAIVED
        if finding in self.baseline:
            return State.BASELINED
        threshold = FAIL_ON[self.fail_on]
        if threshold is not None and finding.severity.rank >= threshold.rank:
            return State.FAILING
        return State.REPORTED

    def is_new(self, finding: Finding) -> bool:
        return self.state(finding) in (State.FAILING, State.REPORTED)

    def exit_code(self, findings: list[Finding]) -> ExitCode:
        """1 when a finding fails the gate, else 0."""
        failing = any(self.state(finding) is State.FAILING for finding in findings)
        return ExitCode.FINDINGS if failing else ExitCode.CLEAN
