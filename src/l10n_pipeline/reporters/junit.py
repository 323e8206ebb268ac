"""JUnit XML for GitLab and Jenkins test reports: one test suite per catalog.

How findings become test cases, so that the counts match the gate:

- each (catalog, check) without findings is one passing test case, so a clean run shows its checks;
- a finding that fails the gate (at or above ``--fail-on``) is a failing test case,
  ``<failure type="error">`` or ``<failure type="warning">``;
- a finding below ``--fail-on`` passes, with its text in ``<system-out>`` (GitLab and Jenkins show it
  in the test's details; a red test would contradict a green pipeline);
- a waived or baselined finding is a skipped test case whose message says which.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from ..baseline import Gate, State
from ..models import Finding
from ..pipeline import CheckRun
from ..qa.registry import CHECKS

SUITE_NAME = "l10n check"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
NAME_WIDTH = 60
# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def catalog_check_ids() -> list[str]:
    """The checks every catalog goes through: the target-side checks, then the release gate."""
    return [check.check_id for check in CHECKS if not check.source_side] + ["release"]


def to_junit(run: CheckRun, gate: Gate | None = None) -> str:
    """The JUnit XML document of ``run``."""
    gate = gate or Gate()
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in run.findings:
        by_file[finding.file or "-"].append(finding)
    root = ET.Element("testsuites", name=SUITE_NAME)
    for result in run.catalogs:
        root.append(_suite(result.stats.file, result.stats.locale, by_file.pop(result.stats.file, []), gate))
    for file in sorted(by_file):
        root.append(_suite(file, by_file[file][0].locale, by_file[file], gate, passing_checks=False))
    _count(root, root.findall("testsuite"))
    ET.indent(root)
    return XML_DECLARATION + ET.tostring(root, encoding="unicode") + "\n"


def _suite(file: str, locale: str | None, findings: list[Finding], gate: Gate, passing_checks: bool = True) -> ET.Element:
    suite = ET.Element("testsuite", name=file)
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="locale", value=locale or "")
    if passing_checks:
        failed_checks = {finding.check for finding in findings}
        for check_id in catalog_check_ids():
            if check_id not in failed_checks:
                ET.SubElement(suite, "testcase", name=check_id, classname=_classname(locale, check_id), time="0")
    for finding in findings:
        suite.append(_case(finding, gate.state(finding)))
    _count(suite, suite.findall("testcase"))
    return suite


def _case(finding: Finding, state: State) -> ET.Element:
    case = ET.Element("testcase", name=_case_name(finding), classname=_classname(finding.locale, finding.check), time="0")
    text = _clean(_gnu_line(finding))
    if state is State.FAILING:
        failure = ET.SubElement(case, "failure", message=_clean(finding.message), type=finding.severity.value)
        failure.text = text
    elif state is State.REPORTED:
        ET.SubElement(case, "system-out").text = text
    else:
        ET.SubElement(case, "skipped", message=f"{state.value}: {_clean(finding.message)}")
    return case


def _count(parent: ET.Element, children: list[ET.Element]) -> None:
    """Set the tests/failures/errors/skipped attributes JUnit readers expect."""
    if parent.tag == "testsuites":
        totals = {key: sum(int(child.get(key, "0")) for child in children) for key in ("tests", "failures", "skipped")}
    else:
        totals = {
            "tests": len(children),
            "failures": sum(child.find("failure") is not None for child in children),
            "skipped": sum(child.find("skipped") is not None for child in children),
        }
    parent.set("tests", str(totals["tests"]))
    parent.set("failures", str(totals["failures"]))
    parent.set("errors", "0")
    parent.set("skipped", str(totals["skipped"]))
    parent.set("time", "0")


def _case_name(finding: Finding) -> str:
    """Stable across line moves, so CI test history follows a finding."""
    subject = finding.msgid if finding.msgid is not None else (finding.locale or finding.file or "")
    context = f"[{finding.msgctxt}] " if finding.msgctxt else ""
    return _clean(f"{finding.check}: {context}{_short(subject)}")


def _classname(locale: str | None, check_id: str) -> str:
    return f"{locale or 'source'}.{check_id}"


def _gnu_line(finding: Finding) -> str:
    where = f"{finding.file}:{finding.line}" if finding.line else (finding.file or "-")
    return f"{where}: {finding.severity.value}[{finding.check}]: {finding.message}"


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= NAME_WIDTH else flat[: NAME_WIDTH - 1] + "…"


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
