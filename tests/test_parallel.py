"""--jobs and --shard: the same findings whichever way the work is divided."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from l10n_pipeline import pipeline
from l10n_pipeline.cli import app
from l10n_pipeline.config import load_config

runner = CliRunner()


def check_json(project: Path, *args: str) -> dict:
    result = runner.invoke(app, ["check", "--format", "json", "--project", str(project), *args])
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_two_jobs_give_the_same_report_as_one(project: Path, monkeypatch):
    assert runner.invoke(app, ["run", "--project", str(project), "-q"]).exit_code in (0, 1)
    one = check_json(project, "--jobs", "1")
    # Split even small catalogs between workers, so entry slices are exercised too.
    monkeypatch.setattr(pipeline, "SPLIT_BYTES", 1000)
    two = check_json(project, "--jobs", "2")
    assert two == one


def test_shards_partition_the_catalogs(project: Path):
    assert runner.invoke(app, ["run", "--project", str(project), "-q"]).exit_code in (0, 1)
    whole = check_json(project)
    parts = [check_json(project, "--shard", f"{i}/3") for i in (1, 2, 3)]
    locales = [locale for part in parts for locale in part["summary"]["locales"]]
    assert sorted(locales) == sorted(whole["summary"]["locales"])
    findings = sorted((json.dumps(f, sort_keys=True) for part in parts for f in part["findings"]))
    assert findings == sorted(json.dumps(f, sort_keys=True) for f in whole["findings"])


@pytest.mark.parametrize("shard", ["0/2", "3/2", "x", "1/0"])
def test_bad_shard_is_a_usage_error(project: Path, shard: str):
    result = runner.invoke(app, ["check", "--shard", shard, "--project", str(project)])
    assert result.exit_code == 2
    assert "--shard" in result.stderr


def test_shard_membership_is_stable():
    assert [pipeline.in_shard("locales/az/LC_MESSAGES/articles.po", i, 4) for i in (1, 2, 3, 4)].count(True) == 1
    assert load_config  # the configuration module is importable without a project
