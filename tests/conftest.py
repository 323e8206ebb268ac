"""Shared fixtures: a copy of the bundled project in a temporary folder, and hypothesis profiles."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.register_profile("long", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def copy_bundled_project(target: Path) -> Path:
    """Copy the bundled project's inputs (sources, glossary, catalogs, configuration) to ``target``."""
    target.mkdir(parents=True)
    for name in ("pyproject.toml", "glossary.yaml"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, target / name)
    for folder in ("source_texts", "locales"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("*.mo", ".l10n.lock"))
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the bundled project (sources, glossary, catalogs, configuration)."""
    return copy_bundled_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled project after one full ``l10n run``: catalogs compiled, articles rendered. Copy it; never change it."""
    from typer.testing import CliRunner

    from l10n_pipeline.cli import app

    target = copy_bundled_project(tmp_path_factory.mktemp("built") / "project")
    result = CliRunner().invoke(app, ["run", "--quiet", "--project", str(target)])
    assert result.exit_code in (0, 1), result.output
    return target
