"""Shared fixtures: a copy of the bundled project in a temporary folder, and hypothesis profiles."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).resolve().parent / "data" / "mini"

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.register_profile("long", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under a profile that asks for more examples (long), a test's own smaller bound does not hold it back.

    Tests bound their examples for the quick ci run; the long run is meant to search deeper everywhere.
    """
    wanted = settings.default.max_examples
    for item in items:
        test = getattr(item, "obj", None)
        own = getattr(test, "_hypothesis_internal_use_settings", None)
        if own is not None and own.max_examples < wanted and settings.default != settings.get_profile("ci"):
            test._hypothesis_internal_use_settings = settings(own, max_examples=wanted)


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


def make_extracted_mini(target: Path) -> Path:
    """A copy of the small test project at ``target``, with ``l10n extract`` and ``l10n update`` run on it."""
    from typer.testing import CliRunner

    from l10n_pipeline.cli import app

    shutil.copytree(MINI, target)
    for command in ("extract", "update"):
        assert CliRunner().invoke(app, [command, "--project", str(target)], catch_exceptions=False).exit_code == 0
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


SYNTHETIC_CONFIG = """[tool.l10n-pipeline]
source_dir = "source_texts"
locales_dir = "locales"
domain = "articles"
source_locale = "en"
locales = ["az", "ru", "tr"]
glossary = "glossary.yaml"
render_dir = "build"
"""
CITIES = ("Baku", "Ganja", "Shusha", "Istanbul", "Moscow", "Lahore", "Ankara", "Khojaly")
EVENTS = ("rally", "conference", "exhibition", "seminar", "memorial ceremony", "book presentation")
SENTENCES = (
    "About {n} people took part in the {event} in {city} on {month} {day}.",
    "The {event} was organised by {n} volunteers from {city}.",
    "Speakers in {city} recalled the events of {year} and their {n} victims.",
    "A {event} was also held in {city}, where {n} guests laid flowers.",
    "Officials said that {n} percent of the visitors came from {city}.",
    "The next {event} in {city} is planned for {month} {year}.",
)
MONTHS = ("January", "February", "March", "April", "May", "June", "October", "November")


def write_synthetic_articles(source_dir: Path, count: int, seed: int = 0) -> None:
    """``count`` generated news articles: a title and three paragraphs of numbered, named sentences each."""
    rng = random.Random(seed)

    def sentence() -> str:
        return rng.choice(SENTENCES).format(
            n=rng.randint(2, 9000), event=rng.choice(EVENTS), city=rng.choice(CITIES),
            month=rng.choice(MONTHS), day=rng.randint(1, 28), year=rng.randint(1990, 2024),
        )

    source_dir.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        title = f"{rng.choice(EVENTS).capitalize()} number {number} held in {rng.choice(CITIES)}"
        paragraphs = [" ".join(sentence() for _ in range(5)) for _ in range(3)]
        text = f'---\ntitle: "{title}"\n---\n\n' + "\n\n".join(paragraphs) + "\n"
        (source_dir / f"article-{number:03d}.md").write_text(text, encoding="utf-8")


def make_synthetic_project(root: Path, articles: int = 200, seed: int = 0) -> Path:
    """A project of generated articles with the bundled glossary; nothing extracted yet."""
    root.mkdir(parents=True)
    (root / "pyproject.toml").write_text(SYNTHETIC_CONFIG, encoding="utf-8")
    shutil.copy2(ROOT / "glossary.yaml", root / "glossary.yaml")
    write_synthetic_articles(root / "source_texts", articles, seed)
    return root


def make_updated_synthetic_project(root: Path, articles: int) -> Path:
    """A project of generated articles with its template extracted and every locale's catalog updated."""
    from l10n_pipeline import pipeline
    from l10n_pipeline.config import load_config

    project = make_synthetic_project(root, articles)
    config = load_config(project)
    pipeline.extract(config)
    pipeline.update(config)
    return project


def without_lines(catalog):
    """The catalog with the positions the reader records cleared, to compare it with one built in code."""
    for entry in [catalog.header, *catalog.entries]:
        entry.line = 0
    catalog.path = None
    return catalog
