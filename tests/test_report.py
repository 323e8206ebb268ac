"""Every report format carries every finding: failing, below the threshold, waived, baselined."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from junitparser import Failure, JUnitXml, Skipped
from lxml import etree
from sarif import loader

from l10n_pipeline.baseline import Baseline, Gate, fingerprint
from l10n_pipeline.errors import ExitCode
from l10n_pipeline.models import Finding, Severity
from l10n_pipeline.pipeline import CheckRun
from l10n_pipeline.qa.registry import CHECKS
from l10n_pipeline.qa.runner import CatalogResult, CatalogStats
from l10n_pipeline.report import FORMATS, exit_code, render, summary, summary_line, to_json, to_text
from l10n_pipeline.reporters.github import annotation, escape_data, escape_property, to_github
from l10n_pipeline.reporters.junit import to_junit
from l10n_pipeline.reporters.sarif import to_sarif

DATA = Path(__file__).parent / "data" / "reports"
AZ = "locales/az/LC_MESSAGES/articles.po"
RU = "locales/ru/LC_MESSAGES/articles.po"

NUMBER = Finding(
    check="numbers", severity=Severity.ERROR, message="26 is missing; 27 is not in the source",
    locale="az", file=AZ, line=40, msgid="Baku, February 26 (AZERTAC).",
    details={"missing": ["26"], "extra": ["27"]},
)
NAME = Finding(
    check="glossary", severity=Severity.WARNING, message="'Baku' should be 'Bakı'",
    locale="az", file=AZ, line=52, msgid="Baku, February 26 (AZERTAC).", details={"term": "Baku"},
)
WAIVED = Finding(
    check="numbers", severity=Severity.ERROR, message="1992 is missing",
    locale="az", file=AZ, line=60, msgid="In 1992, ...", msgctxt="timeline", details={"missing": ["1992"]}, waived=True,
)
RELEASE = Finding(
    check="release", severity=Severity.ERROR, message="ru is 50.0% translated, below the release threshold of 80%",
    locale="ru", file=RU, line=1, details={"translated_share": 50.0, "min_translated": 80.0, "blocking": True},
)


def stats(locale: str, file: str, translated: int = 10) -> CatalogStats:
    return CatalogStats(locale=locale, file=file, total=10, translated=translated, fuzzy=0,
                        untranslated=10 - translated, obsolete=0)


def make_run(*findings: Finding) -> CheckRun:
    az = [f for f in findings if f.file == AZ]
    return CheckRun(
        catalogs=[CatalogResult(stats("az", AZ), az), CatalogResult(stats("ru", RU, 5), [])],
        gate_findings=[f for f in findings if f.check == "release"],
    )


EVERYTHING = make_run(NUMBER, NAME, WAIVED, RELEASE)
CLEAN = make_run()


# ---------------------------------------------------------------- exit codes


@pytest.mark.parametrize(
    ("findings", "fail_on", "expected"),
    [
        ([], "error", ExitCode.CLEAN),
        ([NUMBER], "error", ExitCode.FINDINGS),
        ([NAME], "error", ExitCode.CLEAN),
        ([NAME], "warning", ExitCode.FINDINGS),
        ([NUMBER, NAME], "never", ExitCode.CLEAN),
        ([WAIVED], "warning", ExitCode.CLEAN),
        ([NAME, RELEASE], "error", ExitCode.FINDINGS),
    ],
)
def test_exit_code_follows_fail_on(findings, fail_on, expected):
    assert exit_code(findings, fail_on) is expected


def test_baselined_findings_do_not_fail():
    gate = Gate("error", Baseline(frozenset({fingerprint(NUMBER), fingerprint(RELEASE)})))
    assert gate.exit_code([NUMBER, RELEASE]) is ExitCode.CLEAN
    assert gate.exit_code([NUMBER, RELEASE, NAME]) is ExitCode.CLEAN
    assert Gate("warning", gate.baseline).exit_code([NUMBER, NAME]) is ExitCode.FINDINGS


# ---------------------------------------------------------------- text and json


def test_text_lines_link_path_and_line():
    text = to_text(EVERYTHING)
    assert f"{AZ}:40: error[numbers]: 26 is missing; 27 is not in the source" in text.splitlines()
    assert f"{AZ}:52: warning[glossary]: 'Baku' should be 'Bakı'" in text.splitlines()
    assert f"{AZ}:60: error (waived)[numbers]: 1992 is missing" in text.splitlines()
    assert f"{RU}:1: error[release]: {RELEASE.message}" in text.splitlines()
    assert "\x1b[" not in text


def test_text_says_baselined_and_colours_on_request():
    gate = Gate(baseline=Baseline(frozenset({fingerprint(NUMBER)})))
    assert f"{AZ}:40: error (baselined)[numbers]: {NUMBER.message}" in to_text(EVERYTHING, gate=gate)
    coloured = to_text(EVERYTHING, color=True)
    assert "\x1b[31merror\x1b[0m" in coloured
    assert "\x1b[1m" + AZ in coloured


def test_json_keeps_the_versioned_schema():
    document = json.loads(to_json(EVERYTHING))
    assert document["schema_version"] == 1
    keys = {"check", "severity", "locale", "file", "line", "msgctxt", "msgid", "message", "details"}
    assert all(keys <= set(finding) for finding in document["findings"])
    states = {(f["check"], f["line"]): f["state"] for f in document["findings"]}
    assert states == {("numbers", 40): "failing", ("glossary", 52): "reported",
                      ("numbers", 60): "waived", ("release", 1): "failing"}
    assert document["summary"]["errors"] == 2
    assert document["summary"]["waived"] == 1
    assert document["summary"]["locales"]["az"]["waived"] == 1


def test_summary_counts_baselined_apart_from_new():
    gate = Gate(baseline=Baseline(frozenset({fingerprint(NUMBER)})))
    counts = summary(EVERYTHING, gate)
    assert (counts["errors"], counts["baselined"], counts["failing"], counts["waived"]) == (1, 1, 1, 1)
    assert summary_line(EVERYTHING, gate) == "1 error(s), 1 warning(s), 0 info, 1 waived, 1 baselined in 2 catalog(s)"
    assert summary_line(CLEAN) == "0 error(s), 0 warning(s), 0 info, 0 waived in 2 catalog(s)"


# ---------------------------------------------------------------- JUnit


def test_junit_validates_against_the_schema():
    schema = etree.XMLSchema(etree.parse(str(DATA / "junit.xsd")))
    for run in (EVERYTHING, CLEAN):
        document = etree.fromstring(to_junit(run).encode("utf-8"))
        schema.assertValid(document)


def read_junit(text: str, tmp_path: Path) -> JUnitXml:
    """Read the report from a file, as GitLab and Jenkins do."""
    path = tmp_path / "report.xml"
    path.write_text(text, encoding="utf-8")
    return JUnitXml.fromfile(str(path))


def test_junit_counts_match_the_gate(tmp_path: Path):
    xml = read_junit(to_junit(EVERYTHING), tmp_path)
    suites = {suite.name: suite for suite in xml}
    assert list(suites) == [AZ, RU]
    az = suites[AZ]
    results = {case.name: [type(r) for r in case.result] for case in az}
    assert results["numbers: Baku, February 26 (AZERTAC)."] == [Failure]
    assert results["glossary: Baku, February 26 (AZERTAC)."] == []  # a warning under --fail-on error
    assert results["numbers: [timeline] In 1992, ..."] == [Skipped]
    assert results["release"] == []  # az passes the release gate
    assert (az.tests, az.failures, az.skipped) == (len(list(az)), 1, 1)
    ru_failures = [r for case in suites[RU] for r in case.result if isinstance(r, Failure)]
    assert [f.message for f in ru_failures] == [RELEASE.message]


def test_junit_warnings_fail_under_fail_on_warning(tmp_path: Path):
    xml = read_junit(to_junit(EVERYTHING, Gate("warning")), tmp_path)
    failures = [r for suite in xml for case in suite for r in case.result if isinstance(r, Failure)]
    assert sorted(f.type for f in failures) == ["error", "error", "warning"]


def test_junit_clean_run_has_one_passing_case_per_catalog_and_check(tmp_path: Path):
    xml = read_junit(to_junit(CLEAN), tmp_path)
    checks = [c.check_id for c in CHECKS if not c.source_side] + ["release"]
    for suite in xml:
        assert sorted(case.name for case in suite) == sorted(checks)
        assert suite.failures == 0


# ---------------------------------------------------------------- SARIF


@pytest.fixture
def sarif_path(tmp_path: Path) -> Path:
    path = tmp_path / "report.sarif"
    path.write_text(to_sarif(EVERYTHING), encoding="utf-8")
    return path


def test_sarif_validates_and_loads_in_sarif_tools(sarif_path: Path):
    log = json.loads(sarif_path.read_text(encoding="utf-8"))
    schema = json.loads((DATA / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    loaded = loader.load_sarif_file(str(sarif_path))
    assert len(loaded.get_results()) == 4


def test_sarif_rules_cover_the_registry_and_release(sarif_path: Path):
    log = json.loads(sarif_path.read_text(encoding="utf-8"))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [c.check_id for c in CHECKS] + ["release"]
    for rule, check in zip(rules, CHECKS):
        assert (rule["name"], rule["fullDescription"]["text"]) == (check.name, check.description)


def test_sarif_results_locate_and_fingerprint_findings(sarif_path: Path):
    results = json.loads(sarif_path.read_text(encoding="utf-8"))["runs"][0]["results"]
    number = next(r for r in results if r["ruleId"] == "numbers" and "suppressions" not in r)
    location = number["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": AZ, "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 40}
    assert number["level"] == "error"
    assert number["partialFingerprints"] == {"l10nFinding/v1": fingerprint(NUMBER)}
    assert {r["level"] for r in results} == {"error", "warning"}
    waived = next(r for r in results if "suppressions" in r)
    assert waived["suppressions"][0]["kind"] == "inSource"


def test_sarif_marks_baseline_state():
    gate = Gate(baseline=Baseline(frozenset({fingerprint(NUMBER)})))
    results = json.loads(to_sarif(make_run(NUMBER, NAME), gate))["runs"][0]["results"]
    assert sorted((r["ruleId"], r["baselineState"]) for r in results) == [("glossary", "new"), ("numbers", "unchanged")]


def test_sarif_levels_map_info_to_note():
    info = Finding(check="release", severity=Severity.INFO, message="ur is not release-blocking", locale="ur", file="x.po", line=1)
    result = json.loads(to_sarif(make_run(info)))["runs"][0]["results"][0]
    assert result["level"] == "note"


# ---------------------------------------------------------------- GitHub


def test_github_annotation_per_finding():
    lines = to_github(EVERYTHING).splitlines()
    assert len(lines) == 4
    assert f"::error file={AZ},line=40,title=numbers (error)::26 is missing; 27 is not in the source" in lines
    assert f"::warning file={AZ},line=52,title=glossary (warning)::'Baku' should be 'Bakı'" in lines
    assert f"::notice file={AZ},line=60,title=numbers (error%2C waived)::1992 is missing" in lines


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("C:,x", "C:,x", "C%3A%2Cx"),
        ("%0A", "%250A", "%250A"),
    ],
)
def test_github_escaping(text, data, prop):
    assert escape_data(text) == data
    assert escape_property(text) == prop


def test_github_escapes_file_and_message():
    finding = Finding(check="numbers", severity=Severity.ERROR, message="50% off\nnext", file="a,b:c.po", line=3)
    gate = Gate()
    assert annotation(finding, gate.state(finding)) == "::error file=a%2Cb%3Ac.po,line=3,title=numbers (error)::50%25 off%0Anext"


# ---------------------------------------------------------------- all formats


def messages_in(output_format: str, text: str) -> list[str]:
    """The finding messages a report carries, read back the way its consumers read it."""
    if output_format == "json":
        return [f["message"] for f in json.loads(text)["findings"]]
    if output_format == "sarif":
        return [r["message"]["text"] for r in json.loads(text)["runs"][0]["results"]]
    if output_format == "junit":
        root = etree.fromstring(text.encode("utf-8"))
        return [
            element.get("message", "").removeprefix("waived: ").removeprefix("baselined: ")
            if element.tag != "system-out" else element.text.rsplit("]: ", 1)[1]
            for element in root.iter("failure", "skipped", "system-out")
        ]
    if output_format == "github":
        return [line.split("::", 2)[2].replace("%0A", "\n").replace("%25", "%") for line in text.splitlines()]
    return [line.split("]: ", 1)[1] for line in text.splitlines()]


@pytest.mark.parametrize("output_format", sorted(FORMATS))
def test_every_format_carries_every_finding(output_format):
    expected = sorted(f.message for f in (NUMBER, NAME, WAIVED, RELEASE))
    assert sorted(messages_in(output_format, render(EVERYTHING, output_format))) == expected


@pytest.mark.parametrize("output_format", sorted(FORMATS))
def test_every_format_is_deterministic(output_format):
    assert render(EVERYTHING, output_format) == render(make_run(NUMBER, NAME, WAIVED, RELEASE), output_format)
