"""``l10n check`` end to end: exit codes 0/1/2, every format, -o, baselines, waivers, release thresholds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import make_extracted_mini
from lxml import etree
from typer.testing import CliRunner

from l10n_pipeline.cli import app
from l10n_pipeline.config import load_config
from l10n_pipeline.fileio import atomic_write
from l10n_pipeline.pofile import format_po, read_po

DATA = Path(__file__).parent / "data"
TRANSLATIONS = json.loads((DATA / "mini-translations.json").read_text(encoding="utf-8"))
AZ = "locales/az/LC_MESSAGES/articles.po"
SENTENCE = "About 613 people took part in the rally on February 26."

runner = CliRunner()


def l10n(project: Path, *args: str):
    return runner.invoke(app, [*args, "--project", str(project)], catch_exceptions=False)


def translate(
    project: Path, locale: str, edit=lambda text: text, flags: tuple[str, ...] = (), leave_out: frozenset[str] = frozenset()
) -> None:
    """Fill the locale's catalog with the reference translations, after ``edit``; ``flags`` go on SENTENCE."""
    path = load_config(project).po_path(locale)
    catalog = read_po(path)
    for entry in catalog.live_entries:
        entry.msgstr = "" if entry.msgid in leave_out else edit(TRANSLATIONS[locale][entry.msgid])
        for flag in flags if entry.msgid == SENTENCE else ():
            entry.set_flag(flag)
    atomic_write(path, format_po(catalog))


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A small project, extracted and updated, every locale fully translated."""
    project = make_extracted_mini(tmp_path / "mini")
    for locale in ("az", "ru"):
        translate(project, locale)
    return project


@pytest.fixture
def wrong_number(mini: Path) -> Path:
    translate(mini, "az", lambda text: text.replace("26", "27"))
    return mini


def line_of(project: Path, msgid: str) -> int:
    catalog = read_po(project / AZ)
    return next(entry.line for entry in catalog.entries if entry.msgid == msgid)


def test_clean_project_exits_0(mini: Path):
    result = l10n(mini, "check")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == "0 error(s), 0 warning(s), 0 info, 0 waived in 2 catalog(s)\n"


def test_changed_number_exits_1_with_a_linked_text_line(wrong_number: Path):
    result = l10n(wrong_number, "check")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    numbers = [line for line in lines if "[numbers]" in line]
    assert numbers
    assert all(line.startswith(f"{AZ}:{line_of(wrong_number, SENTENCE)}: error[numbers]: ") for line in numbers)
    assert not result.stderr.startswith("0 error(s)")


def test_every_format_carries_the_changed_number(wrong_number: Path):
    line = line_of(wrong_number, SENTENCE)
    findings = json.loads(l10n(wrong_number, "check", "--format", "json").stdout)["findings"]
    assert findings
    assert {(f["check"], f["file"], f["line"], f["msgid"]) for f in findings} == {("numbers", AZ, line, SENTENCE)}
    messages = sorted(f["message"] for f in findings)

    sarif = json.loads(l10n(wrong_number, "check", "--format", "sarif").stdout)
    results = sarif["runs"][0]["results"]
    assert sorted(r["message"]["text"] for r in results) == messages
    for result in results:
        location = result["locations"][0]["physicalLocation"]
        assert (result["ruleId"], location["artifactLocation"]["uri"], location["region"]["startLine"]) == ("numbers", AZ, line)

    junit = etree.fromstring(l10n(wrong_number, "check", "--format", "junit").stdout.encode("utf-8"))
    failures = list(junit.iter("failure"))
    assert sorted(f.get("message") for f in failures) == messages
    assert all(f.text.startswith(f"{AZ}:{line}: error[numbers]") for f in failures)
    assert junit.get("failures") == str(len(messages))

    github = l10n(wrong_number, "check", "--format", "github")
    assert github.exit_code == 1
    annotations = github.stdout.splitlines()
    assert len(annotations) == len(messages)
    assert all(a.startswith(f"::error file={AZ},line={line},title=numbers (error)::") for a in annotations)


def test_output_file_gets_the_report_and_stderr_the_summary(wrong_number: Path, tmp_path: Path):
    target = tmp_path / "reports" / "check.sarif"
    result = l10n(wrong_number, "check", "--format", "sarif", "-o", str(target))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert " error(s)" in result.stderr and not result.stderr.startswith("0 error(s)")
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_fail_on_never_reports_but_passes(wrong_number: Path):
    result = l10n(wrong_number, "check", "--fail-on", "never")
    assert result.exit_code == 0
    assert "error[numbers]" in result.stdout


def test_malformed_catalog_exits_2_with_one_line(mini: Path):
    path = mini / AZ
    path.write_text(path.read_text(encoding="utf-8") + '\nmsgid "dangling\n', encoding="utf-8")
    result = l10n(mini, "check")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"error: {path}:")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("option", "value"), [("--format", "yaml"), ("--fail-on", "sometimes")])
def test_bad_option_value_exits_2(mini: Path, option: str, value: str):
    result = l10n(mini, "check", option, value)
    assert result.exit_code == 2
    assert result.stdout == ""


def test_baseline_accepts_known_findings_and_fails_on_new_ones(wrong_number: Path, tmp_path: Path):
    baseline = tmp_path / "baseline.json"
    written = l10n(wrong_number, "check", "--write-baseline", str(baseline))
    assert written.exit_code == 0
    assert written.stdout == ""
    assert json.loads(baseline.read_text(encoding="utf-8"))["schema_version"] == 1

    known = l10n(wrong_number, "check", "--baseline", str(baseline), "--format", "json")
    assert known.exit_code == 0
    states = [f["state"] for f in json.loads(known.stdout)["findings"]]
    assert states and set(states) == {"baselined"}
    assert f"{len(states)} baselined" in known.stderr

    translate(wrong_number, "az", lambda text: text.replace("26", "27").replace("250", "205"))
    new = l10n(wrong_number, "check", "--baseline", str(baseline), "--format", "json")
    assert new.exit_code == 1
    assert {f["state"] for f in json.loads(new.stdout)["findings"]} == {"baselined", "failing"}


def test_bad_baseline_exits_2(mini: Path, tmp_path: Path):
    baseline = tmp_path / "baseline.json"
    baseline.write_text("{not json", encoding="utf-8")
    result = l10n(mini, "check", "--baseline", str(baseline))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {baseline}:1: baseline is not valid JSON")


def test_waived_finding_is_reported_not_failing(mini: Path):
    translate(mini, "az", lambda text: text.replace("26", "27"), flags=("ignore-numbers",))
    result = l10n(mini, "check", "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    waived = {(f["check"], f["state"]) for f in report["findings"]}
    assert waived == {("numbers", "waived")}
    assert report["summary"]["waived"] == len(report["findings"])
    assert f"{len(report['findings'])} waived" in result.stderr


def test_release_threshold_fails_in_every_format(mini: Path):
    translate(mini, "ru", leave_out=frozenset(TRANSLATIONS["ru"]) - {SENTENCE})
    for output_format, marker in [("text", "error[release]"), ("json", '"check": "release"'),
                                  ("junit", 'classname="ru.release"'), ("sarif", '"ruleId": "release"'),
                                  ("github", "title=release (error)")]:
        result = l10n(mini, "check", "--format", output_format)
        assert result.exit_code == 1, output_format
        assert marker in result.stdout, output_format
