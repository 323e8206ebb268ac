"""The release gate on the bundled project: clean today, and one changed number fails every format."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from l10n_pipeline.cli import app
from l10n_pipeline.pofile import format_po, read_po

runner = CliRunner()


def check(project: Path, *args: str):
    return runner.invoke(app, ["check", "--project", str(project), *args])


def test_bundled_project_passes_the_gate(project: Path):
    result = check(project)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert " 0 error(s)" in " " + result.stderr


@pytest.fixture
def one_number_changed(project: Path) -> tuple[Path, str]:
    path = project / "locales" / "az" / "LC_MESSAGES" / "articles.po"
    catalog = read_po(path)
    entry = next(e for e in catalog.live_entries if "613" in e.msgstr and e.translated)
    entry.msgstr = entry.msgstr.replace("613", "631", 1)
    path.write_text(format_po(catalog), encoding="utf-8")
    return project, entry.msgid


@pytest.mark.parametrize("output_format", ["text", "json", "junit", "sarif", "github"])
def test_one_changed_number_fails_in_every_format(one_number_changed, output_format):
    project, msgid = one_number_changed
    result = check(project, "--format", output_format)
    assert result.exit_code == 1, result.stderr
    report = result.stdout
    assert "631" in report
    if output_format == "json":
        findings = json.loads(report)["findings"]
        assert any(f["check"] == "numbers" and f["msgid"] == msgid and f["severity"] == "error" for f in findings)
    elif output_format in ("junit",):
        assert ET.fromstring(report).get("failures") == "1"
    elif output_format == "sarif":
        results = json.loads(report)["runs"][0]["results"]
        assert [r["ruleId"] for r in results if r["level"] == "error"] == ["numbers"]
    elif output_format == "github":
        assert report.startswith("::error file=locales/az/LC_MESSAGES/articles.po,line=")
    else:
        assert "locales/az/LC_MESSAGES/articles.po:" in report and "error[numbers]" in report
