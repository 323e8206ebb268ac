"""--jobs and --shard: the same findings whichever way the work is divided."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from l10n_pipeline import pipeline, pofile
from l10n_pipeline.cli import app
from l10n_pipeline.config import load_config
from l10n_pipeline.errors import CatalogError

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


# -- slices: a catalog read in pieces is the catalog read whole --------------------------------

SLICED = r'''# header comment
msgid ""
msgstr ""
"Language: az\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

#. first
#: a.md:1
msgid "One 1,275"
msgstr "Bir 1.275"

msgctxt "menu"
msgid "Open"
msgstr ""
"Aç"

#, fuzzy
#| msgid "Old"
msgid ""
"A long one\n"
"on two lines"
msgstr "Uzun"

msgid "%d file"
msgid_plural "%d files"
msgstr[0] "%d fayl"
msgstr[1] "%d fayl"

msgid "Blank line inside"

msgstr "Boş"

#~ msgid "Gone"
#~ msgstr "Getdi"
'''


def entry_rows(entries) -> list[tuple]:
    return [(e.msgctxt, e.msgid, e.msgstr, dict(e.msgstr_plural), list(e.flags), e.previous_msgid, e.obsolete, e.line)
            for e in entries]


@pytest.mark.parametrize("count", [1, 2, 3, 5, 9])
def test_slices_hold_the_entries_of_the_whole_file(tmp_path: Path, count: int):
    path = tmp_path / "az.po"
    path.write_text(SLICED, encoding="utf-8")
    pieces = pofile.po_slices(path, count)
    assert pieces[0].start == 0 and pieces[-1].end == path.stat().st_size
    assert all(a.end == b.start for a, b in zip(pieces, pieces[1:]))
    whole = pofile.read_po(path)
    streamed = [entry for piece in pieces for entry in pofile.stream_po(path, piece).entries]
    assert entry_rows(streamed) == entry_rows(whole.entries)
    assert pofile.stream_po(path, pieces[-1]).header.msgstr == whole.header.msgstr


def test_a_cut_never_falls_inside_an_entry(tmp_path: Path):
    path = tmp_path / "az.po"
    path.write_text(SLICED, encoding="utf-8")
    data = path.read_bytes()
    for piece in pofile.po_slices(path, 50)[1:]:
        assert data[piece.start - 2:piece.start] == b"\n\n"
        assert data[piece.start:].startswith((b"#", b"msgid ", b"msgctxt "))
        assert data.count(b"\n", 0, piece.start) + 1 == piece.first_line


def sliced_check(project: Path, monkeypatch, *args: str):
    monkeypatch.setattr(pipeline, "SPLIT_BYTES", 300)
    return runner.invoke(app, ["check", "--project", str(project), "--jobs", "2", *args])


def test_a_key_in_two_slices_is_the_duplicate_a_whole_read_reports(project: Path, monkeypatch):
    po = project / "locales" / "az" / "LC_MESSAGES" / "articles.po"
    first = pofile.read_po(po).entries[0]
    po.write_text(po.read_text(encoding="utf-8") + f'\nmsgid "{first.msgid}"\nmsgstr "x"\n', encoding="utf-8")
    with pytest.raises(CatalogError) as whole:
        pofile.read_po(po)
    result = sliced_check(project, monkeypatch)
    assert result.exit_code == 2
    assert f"articles.po:{whole.value.line}: duplicate msgid" in result.stderr


def test_an_error_late_in_the_file_is_placed_as_a_whole_read_places_it(project: Path, monkeypatch):
    po = project / "locales" / "az" / "LC_MESSAGES" / "articles.po"
    lines = po.read_text(encoding="utf-8").split("\n")
    late = max(i for i, line in enumerate(lines) if line.startswith("msgstr "))
    lines[late] = lines[late].replace("msgstr ", "msgstr-typo ", 1)
    po.write_text("\n".join(lines), encoding="utf-8")
    result = sliced_check(project, monkeypatch)
    assert result.exit_code == 2
    assert f"articles.po:{late + 1}:" in result.stderr
