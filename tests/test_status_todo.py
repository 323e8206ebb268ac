"""``l10n status`` and ``l10n todo``: what a release manager and a translator read."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import make_extracted_mini
from typer.testing import CliRunner

from l10n_pipeline.catalog import Catalog, Entry
from l10n_pipeline.cli import app
from l10n_pipeline.config import load_config
from l10n_pipeline.fileio import atomic_write
from l10n_pipeline.models import Finding, Severity
from l10n_pipeline.pofile import format_po, parse_po, read_po
from l10n_pipeline.status import share_bar
from l10n_pipeline.todo import todo_catalog, todo_items

DATA = Path(__file__).parent / "data"
TRANSLATIONS = json.loads((DATA / "mini-translations.json").read_text(encoding="utf-8"))
AZ = "locales/az/LC_MESSAGES/articles.po"
SENTENCE = "About 613 people took part in the rally on February 26."
BOOK = "The book has 250 pages and 40 photographs."

runner = CliRunner()


def l10n(project: Path, *args: str):
    return runner.invoke(app, [*args, "--project", str(project)], catch_exceptions=False)


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """ru fully translated; az with one wrong number, one fuzzy and one untranslated entry."""
    project = make_extracted_mini(tmp_path / "mini")
    config = load_config(project)
    for locale in ("az", "ru"):
        catalog = read_po(config.po_path(locale))
        for entry in catalog.live_entries:
            entry.msgstr = TRANSLATIONS[locale][entry.msgid]
            if locale == "az" and entry.msgid == SENTENCE:
                entry.msgstr = entry.msgstr.replace("26", "27")
            if locale == "az" and entry.msgid == BOOK:
                entry.set_flag("fuzzy")
            if locale == "az" and entry.msgid.startswith("The seminar"):
                entry.msgstr = ""
        atomic_write(config.po_path(locale), format_po(catalog))
    return project


# ---------------------------------------------------------------- status


def test_status_table_on_stdout(mini: Path):
    result = l10n(mini, "status")
    assert result.exit_code == 0
    assert result.stderr == ""
    rows = {line.split()[0]: line for line in result.stdout.splitlines()[2:]}
    assert rows["ru"].split()[1:5] == ["4", "4", "0", "0"]
    assert rows["ru"].endswith("yes")
    assert rows["az"].split()[1:5] == ["4", "2", "1", "1"]
    assert rows["az"].endswith("no")


def test_status_json_for_scripts(mini: Path):
    result = l10n(mini, "status", "--json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["schema_version"] == 1
    assert document["release_ready"] is False
    az = next(row for row in document["locales"] if row["locale"] == "az")
    # the wrong number, and the release gate twice: too little translated, too much fuzzy
    assert (az["translated_share"], az["release_ready"], az["errors"]) == (50.0, False, 3)


@pytest.mark.parametrize(("share", "bar"), [(0, "░░░░"), (49, "██░░"), (100, "████"), (120, "████")])
def test_share_bar(share, bar):
    assert share_bar(share, 4) == bar


# ---------------------------------------------------------------- todo


def test_todo_lists_what_needs_work_with_its_helpers(mini: Path):
    result = l10n(mini, "todo", "az")
    assert result.exit_code == 0
    text = result.stdout
    assert "A rally in Baku" not in text  # translated and clean
    assert f"{AZ}:" in text
    assert "source:      source_texts/rally.md:5" in text
    assert f"translation: {TRANSLATIONS['az'][SENTENCE].replace('26', '27')}" in text
    assert "numbers:     613, " in text
    assert "error[numbers]:" in text
    assert ": fuzzy" in text and ": untranslated" in text
    assert result.stderr == f"{AZ}: 3 entries need work (1 numbers, 1 fuzzy, 1 untranslated)\n"


def test_todo_json(mini: Path):
    document = json.loads(l10n(mini, "todo", "az", "--json").stdout)
    assert document["schema_version"] == 1
    assert [entry["reasons"] for entry in document["entries"]] == [["numbers"], ["fuzzy"], ["untranslated"]]
    first = document["entries"][0]
    assert first["references"] == ["source_texts/rally.md:5"]
    assert first["numbers"].startswith("613, ")


def test_todo_po_subset_passes_msgfmt(mini: Path, tmp_path: Path):
    target = tmp_path / "az-todo.po"
    result = l10n(mini, "todo", "az", "--format", "po", "-o", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(target)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    subset = read_po(target)
    assert [entry.msgid for entry in subset.entries][0] == SENTENCE
    assert subset.language == "az"
    assert any(comment.startswith("check: numbers:") for comment in subset.entries[0].extracted_comments)


def test_todo_of_unknown_locale_exits_2(mini: Path):
    result = l10n(mini, "todo", "fr")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: 'fr' is not a target locale")


def test_todo_items_use_computed_hints_when_comments_are_missing():
    catalog = Catalog(entries=[
        Entry(msgid="Done.", msgstr="Oldu.", line=5),
        Entry(msgid="In 1992 there were 613 victims.", line=9, references=["a.md:3"]),
        Entry(msgid="Waived 5.", msgstr="Waived 6.", line=12, flags=["ignore-numbers"]),
    ])
    waived = Finding(check="numbers", severity=Severity.ERROR, message="5 is missing", msgid="Waived 5.", waived=True)
    (item,) = todo_items(catalog, [waived], "az")
    assert (item.entry.line, item.reasons) == (9, ("untranslated",))
    assert item.numbers is not None and "1992" in item.numbers and "613" in item.numbers


def test_todo_catalog_keeps_header_and_round_trips():
    header = Entry(msgid="", msgstr="Language: az\nContent-Type: text/plain; charset=UTF-8\n")
    entry = Entry(msgid="In 1992.", line=9, extracted_comments=["numbers: 1992"])
    catalog = Catalog(header=header, entries=[entry, Entry(msgid="Fine.", msgstr="Yaxşı.")])
    subset = todo_catalog(catalog, todo_items(catalog, [], "az"))
    reread = parse_po(format_po(subset))
    assert [e.msgid for e in reread.entries] == ["In 1992."]
    assert reread.entries[0].extracted_comments == ["numbers: 1992"]
    assert reread.language == "az"
