"""MO output: loadable by Python's gettext, equal to msgfmt's after msgunfmt, linear in size."""

from __future__ import annotations

import gettext
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from l10n_pipeline.catalog import Catalog, Entry
from l10n_pipeline.mofile import build_mo, format_mo, mo_messages
from l10n_pipeline.pofile import read_po

SAMPLE = Path(__file__).parent / "data" / "po" / "sample.po"
needs_gnu = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext not installed")


def _translations(catalog: Catalog) -> gettext.GNUTranslations:
    return gettext.GNUTranslations(io.BytesIO(format_mo(catalog)))


def test_python_gettext_loads_translations_context_and_plurals() -> None:
    translations = _translations(read_po(SAMPLE))
    assert translations.gettext("The Baku Metro opened in 1967.") == "Bakı metrosu 1967-ci ildə açılıb."
    assert translations.pgettext("headline", "Metro") == "Metro"
    assert translations.ngettext("one station", "%d stations", 1) == "%d stansiya"
    assert translations.ngettext("one station", "%d stations", 5) == "%d stansiya"
    assert translations.info()["language"] == "az"


def test_fuzzy_obsolete_and_untranslated_entries_are_left_out() -> None:
    catalog = read_po(SAMPLE)
    catalog.entries.append(Entry(msgid="Untranslated"))
    translations = _translations(catalog)
    assert translations.gettext("It carries 220,000 passengers a day.") == "It carries 220,000 passengers a day."
    assert translations.gettext("Old headline, retired") == "Old headline, retired"
    assert translations.gettext("Untranslated") == "Untranslated"


def test_keys_are_sorted_by_bytes() -> None:
    catalog = Catalog(entries=[Entry(msgid=text, msgstr=text.upper()) for text in ["ə", "b", "A", "z"]])
    catalog.set_metadata({"Content-Type": "text/plain; charset=UTF-8"})
    data = format_mo(catalog)
    keys = []
    for index in range(5):
        length = int.from_bytes(data[28 + 8 * index:32 + 8 * index], "little")
        offset = int.from_bytes(data[32 + 8 * index:36 + 8 * index], "little")
        keys.append(data[offset:offset + length])
    assert keys == sorted(keys) and keys[0] == b""


@needs_gnu
def test_equal_to_msgfmt_after_msgunfmt(tmp_path: Path) -> None:
    ours = tmp_path / "ours.mo"
    ours.write_bytes(format_mo(read_po(SAMPLE)))
    theirs = tmp_path / "theirs.mo"
    subprocess.run(["msgfmt", "-o", str(theirs), str(SAMPLE)], check=True)

    def unfmt(path: Path) -> str:
        return subprocess.run(["msgunfmt", str(path)], capture_output=True, text=True, check=True).stdout

    assert unfmt(ours) == unfmt(theirs)
    assert "Bakı metrosu" in unfmt(ours)


def test_fifty_thousand_entries_build_in_one_pass() -> None:
    catalog = Catalog(entries=[Entry(msgid=f"sentence {n}", msgstr=f"cümlə {n}") for n in range(50_000)])
    catalog.set_metadata({"Content-Type": "text/plain; charset=UTF-8"})
    data = format_mo(catalog)
    assert int.from_bytes(data[8:12], "little") == 50_001
    assert gettext.GNUTranslations(io.BytesIO(data)).gettext("sentence 49999") == "cümlə 49999"


def test_build_mo_fills_one_buffer_and_releases_the_messages() -> None:
    catalog = read_po(SAMPLE)
    messages = mo_messages(catalog)
    data = build_mo(messages)
    assert isinstance(data, bytearray)
    assert data == format_mo(catalog)
    assert messages == []


def test_compiling_a_file_entry_by_entry_gives_the_bytes_of_the_whole_catalog() -> None:
    from l10n_pipeline.pipeline import compile_catalog

    assert bytes(compile_catalog(SAMPLE)) == format_mo(read_po(SAMPLE))


def test_a_duplicate_found_while_streaming_is_placed_as_a_whole_read_places_it(tmp_path: Path) -> None:
    from l10n_pipeline.errors import CatalogError
    from l10n_pipeline.pipeline import compile_catalog

    po = tmp_path / "dup.po"
    po.write_text(SAMPLE.read_text(encoding="utf-8") + '\nmsgid "twice"\nmsgstr "a"\n\nmsgid "twice"\nmsgstr "b"\n',
                  encoding="utf-8")
    with pytest.raises(CatalogError) as whole:
        read_po(po)
    with pytest.raises(CatalogError) as streamed:
        compile_catalog(po)
    assert (streamed.value.line, str(streamed.value)) == (whole.value.line, str(whole.value))
    assert "first defined at line" in str(streamed.value)
