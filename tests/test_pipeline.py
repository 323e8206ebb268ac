"""End to end on a copy of the bundled project: the files are standard, and a second run changes nothing."""

from __future__ import annotations

import gettext
import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from l10n_pipeline.cli import app
from l10n_pipeline.config import load_config
from l10n_pipeline.ingest import read_articles
from l10n_pipeline.pofile import format_po, read_po

runner = CliRunner()


def l10n(project: Path, *args: str):
    return runner.invoke(app, [*args, "--project", str(project)])


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != ".l10n.lock"
    }


@pytest.fixture
def ran(project: Path) -> Path:
    result = l10n(project, "run")
    assert result.exit_code in (0, 1), result.stderr + result.stdout
    assert "error:" not in result.stderr
    return project


def test_bundled_project_is_clean(project: Path):
    result = l10n(project, "run")
    assert result.exit_code == 0, result.stderr


def test_run_writes_every_catalog(ran: Path):
    config = load_config(ran)
    assert config.pot_path.exists()
    for locale in config.all_locales:
        assert config.po_path(locale).exists(), locale
        assert config.mo_path(locale).exists(), locale


def test_msgfmt_accepts_every_catalog(ran: Path):
    config = load_config(ran)
    for path in [config.pot_path, *(config.po_path(loc) for loc in config.all_locales)]:
        done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, f"{path}: {done.stderr}"


def test_mo_files_load_in_python_gettext(ran: Path):
    config = load_config(ran)
    for locale in config.all_locales:
        catalog = read_po(config.po_path(locale))
        with open(config.mo_path(locale), "rb") as handle:
            translations = gettext.GNUTranslations(handle)
        for entry in catalog.live_entries:
            if entry.translated and entry.msgctxt is None:
                assert translations.gettext(entry.msgid) == entry.msgstr


def test_second_run_changes_nothing(ran: Path):
    before = snapshot(ran)
    result = l10n(ran, "run")
    assert result.exit_code in (0, 1), result.stderr
    assert snapshot(ran) == before


def test_catalogs_load_in_translate_toolkit_and_babel(ran: Path):
    from babel.messages.pofile import read_po as babel_read_po
    from translate.storage.po import pofile as tt_pofile

    config = load_config(ran)
    for locale in config.all_locales:
        path = config.po_path(locale)
        ours = read_po(path)
        with open(path, "rb") as handle:
            store = tt_pofile(handle.read())
        units = [unit for unit in store.units if not unit.isheader() and not unit.isobsolete()]
        assert len(units) == len(ours.live_entries)
        with open(path, "rb") as handle:
            babel_catalog = babel_read_po(handle)
        assert len(babel_catalog) == len(ours.live_entries)


def test_source_catalog_translates_to_itself(ran: Path):
    config = load_config(ran)
    source = read_po(config.po_path("en"))
    assert source.live_entries and all(entry.msgstr == entry.msgid for entry in source.live_entries)


def test_template_lists_every_occurrence(ran: Path):
    config = load_config(ran)
    template = read_po(config.pot_path)
    articles = read_articles(config.source_dir, config.root)
    assert all(entry.references for entry in template.entries)
    assert all(any(c.startswith("article: ") for c in entry.extracted_comments) for entry in template.entries)
    assert {a.path for a in articles} == {ref.rpartition(":")[0] for e in template.entries for ref in e.references}
    assert not any("python-format" == flag for e in template.entries for flag in e.flags)


def test_rendering_english_reproduces_each_body(ran: Path):
    config = load_config(ran)
    for article in read_articles(config.source_dir, config.root):
        rendered = (config.render_dir / "en" / f"{article.slug}.md").read_text(encoding="utf-8")
        front, _, body = rendered.partition("\n---\n")
        assert body == article.body
        assert "language: \"en\"" in front


def test_partial_locale_falls_back_to_the_source(project: Path):
    pyproject = project / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8") + "\n[tool.l10n-pipeline.release.de]\nmin_translated = 0\n", encoding="utf-8"
    )
    text = pyproject.read_text(encoding="utf-8").replace('locales = ["az", "ru", "tr", "ur"]', 'locales = ["de"]')
    pyproject.write_text(text, encoding="utf-8")
    shutil.rmtree(project / "locales")
    assert l10n(project, "extract").exit_code == 0
    assert l10n(project, "update").exit_code == 0
    config = load_config(project)
    catalog_path = config.po_path("de")
    catalog = read_po(catalog_path)
    first = catalog.live_entries[0]
    first.msgstr = "ÜBERSETZT"
    catalog_path.write_text(format_po(catalog), encoding="utf-8")
    result = l10n(project, "render", "de")
    assert result.exit_code == 0, result.stderr
    article = next(a for a in read_articles(config.source_dir, config.root) if a.title == first.msgid)
    rendered = (config.render_dir / "de" / f"{article.slug}.md").read_text(encoding="utf-8")
    assert 'title: "ÜBERSETZT"' in rendered
    # The headline repeats the title; every other sentence fell back to English.
    assert rendered.endswith(article.body.replace(first.msgid, "ÜBERSETZT"))
    assert "fell back to the source" in result.stderr


def test_locale_below_threshold_is_not_rendered(ran: Path):
    config = load_config(ran)
    out = config.render_dir / "az"
    before = snapshot(out) if out.exists() else {}
    pyproject = ran / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8").replace("min_translated = 80.0", "min_translated = 100.0"), encoding="utf-8"
    )
    catalog_path = config.po_path("az")
    catalog = read_po(catalog_path)
    catalog.live_entries[0].set_flag("fuzzy")
    catalog_path.write_text(format_po(catalog), encoding="utf-8")
    result = l10n(ran, "render", "az")
    assert result.exit_code == 0
    assert "not rendered" in result.stderr
    assert (snapshot(out) if out.exists() else {}) == before
