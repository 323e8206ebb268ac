"""Merging a template into a catalog: golden triplets, the rules one by one, and properties."""

from __future__ import annotations

import copy
import io
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n_pipeline import merge as merge_module
from l10n_pipeline import pofile as pofile_module
from l10n_pipeline.catalog import Catalog, Entry
from l10n_pipeline.errors import CatalogError
from l10n_pipeline.merge import MergeStats, merge_catalog, read_for_merge, similarity
from l10n_pipeline.pofile import format_po, parse_po, read_po, write_po

DATA = Path(__file__).parent / "data" / "merge"
CASES = sorted(path.stem for path in DATA.glob("*.pot"))


def load(path: Path) -> Catalog:
    return parse_po(path.read_text(encoding="utf-8"), str(path))


def without_lines(catalog: Catalog) -> tuple[Entry, list[Entry]]:
    """Header and entries with line numbers cleared: positions are not part of a merge."""
    return replace(catalog.header, line=0), [replace(entry, line=0) for entry in catalog.entries]


def merged_case(case: str) -> tuple[Catalog, MergeStats]:
    return merge_catalog(load(DATA / f"{case}.pot"), load(DATA / f"{case}_before.po"))


def template(*msgids: str, context: str | None = None) -> Catalog:
    return Catalog(entries=[Entry(msgid=msgid, msgctxt=context) for msgid in msgids])


def catalog(*entries: Entry) -> Catalog:
    return Catalog(entries=list(entries))


def live(result: Catalog, msgid: str) -> Entry:
    return next(entry for entry in result.live_entries if entry.msgid == msgid)


# Golden triplets: <case>.pot + <case>_before.po -> <case>_after.po


@pytest.mark.parametrize("case", CASES)
def test_golden_triplet(case: str) -> None:
    result, _ = merged_case(case)
    assert without_lines(result) == without_lines(load(DATA / f"{case}_after.po"))


@pytest.mark.parametrize("case", CASES)
def test_golden_result_is_a_fixed_point(case: str) -> None:
    result, _ = merged_case(case)
    again, stats = merge_catalog(load(DATA / f"{case}.pot"), result)
    assert format_po(again) == format_po(result)
    assert stats.fuzzy == stats.new == stats.obsolete == stats.revived == 0


@pytest.mark.parametrize(
    ("case", "stats"),
    [
        ("unchanged", MergeStats(exact=2, fuzzy=0, new=0, obsolete=0, revived=0)),
        ("new", MergeStats(exact=1, fuzzy=0, new=1, obsolete=0, revived=0)),
        ("changed", MergeStats(exact=0, fuzzy=1, new=0, obsolete=1, revived=0)),
        ("removed", MergeStats(exact=1, fuzzy=0, new=0, obsolete=1, revived=0)),
        ("revived", MergeStats(exact=1, fuzzy=0, new=0, obsolete=0, revived=1)),
        ("context", MergeStats(exact=1, fuzzy=1, new=0, obsolete=1, revived=0)),
    ],
)
def test_golden_stats(case: str, stats: MergeStats) -> None:
    assert merged_case(case)[1] == stats


# The rules one by one


def test_header_keeps_translator_fields_and_takes_creation_date() -> None:
    result, _ = merged_case("unchanged")
    fields = result.metadata
    assert fields["POT-Creation-Date"] == "2026-03-02 10:00+0000"
    assert fields["Language"] == "ru"
    assert fields["PO-Revision-Date"] == "2026-02-01 12:00+0300"
    assert result.header.translator_comments == ["Russian translation of the articles."]


def test_header_comes_from_template_without_existing_catalog() -> None:
    pot = load(DATA / "new.pot")
    result, stats = merge_catalog(pot, None)
    assert result.header.msgstr == pot.header.msgstr
    assert stats == MergeStats(exact=0, fuzzy=0, new=2, obsolete=0, revived=0)
    assert not any(entry.has_translation for entry in result.entries)


def test_header_gains_creation_date_when_missing() -> None:
    pot = Catalog(header=Entry(msgid="", msgstr="POT-Creation-Date: 2026-03-02\n"))
    existing = Catalog(header=Entry(msgid="", msgstr="Project-Id-Version: x\nLanguage: az\n"))
    result, _ = merge_catalog(pot, existing)
    assert result.header.msgstr == "Project-Id-Version: x\nPOT-Creation-Date: 2026-03-02\nLanguage: az\n"


@pytest.mark.parametrize(
    ("template_flags", "old_flags", "expected"),
    [
        ([], ["ignore-numbers"], ["ignore-numbers"]),
        (["no-python-format"], ["python-format"], ["no-python-format"]),
        (["python-format"], ["fuzzy", "ignore-all-checks"], ["fuzzy", "python-format", "ignore-all-checks"]),
        ([], ["range:1..5", "no-wrap", "ignore-glossary"], ["ignore-glossary"]),
    ],
)
def test_exact_match_flags(template_flags: list[str], old_flags: list[str], expected: list[str]) -> None:
    pot = catalog(Entry(msgid="Hi", flags=template_flags))
    result, _ = merge_catalog(pot, catalog(Entry(msgid="Hi", msgstr="Salam", flags=old_flags)))
    assert live(result, "Hi").flags == expected


def test_exact_match_takes_template_references_and_extracted_comments() -> None:
    pot = catalog(Entry(msgid="Hi", references=["new.md:1"], extracted_comments=["new"]))
    old = Entry(msgid="Hi", msgstr="Salam", references=["old.md:9"], extracted_comments=["old"],
                translator_comments=["keep me"])
    entry = live(merge_catalog(pot, catalog(old))[0], "Hi")
    assert (entry.references, entry.extracted_comments) == (["new.md:1"], ["new"])
    assert entry.translator_comments == ["keep me"]


def test_previous_msgid_kept_only_while_fuzzy() -> None:
    fuzzy = Entry(msgid="Hi", msgstr="Salam", flags=["fuzzy"], previous_msgid="Hey")
    reviewed = replace(fuzzy, msgid="Yo", flags=[])
    result, _ = merge_catalog(template("Hi", "Yo"), catalog(fuzzy, reviewed))
    assert live(result, "Hi").previous_msgid == "Hey"
    assert live(result, "Yo").previous_msgid is None


def test_fuzzy_match_copies_translation_comments_and_translator_flags() -> None:
    old = Entry(msgid="The port closed on Monday.", msgstr="Liman bazar ertəsi bağlandı.",
                flags=["ignore-numbers", "python-format"], translator_comments=["checked"])
    result, stats = merge_catalog(template("The port closed on Tuesday."), catalog(old))
    entry = live(result, "The port closed on Tuesday.")
    assert entry.msgstr == old.msgstr
    assert entry.flags == ["fuzzy", "ignore-numbers"]
    assert entry.translator_comments == ["checked"]
    assert (entry.previous_msgctxt, entry.previous_msgid) == (None, old.msgid)
    assert result.obsolete_entries == [replace(old, obsolete=True)]
    assert stats == MergeStats(exact=0, fuzzy=1, new=0, obsolete=1, revived=0)


def test_no_fuzzy_matching_leaves_new_entries_untranslated() -> None:
    old = Entry(msgid="The port closed on Monday.", msgstr="Liman bağlandı.")
    result, stats = merge_catalog(template("The port closed on Tuesday."), catalog(old), fuzzy_matching=False)
    assert not live(result, "The port closed on Tuesday.").has_translation
    assert stats == MergeStats(exact=0, fuzzy=0, new=1, obsolete=1, revived=0)


def test_dissimilar_entry_is_not_a_fuzzy_match() -> None:
    old = Entry(msgid="The port closed on Monday.", msgstr="Liman bağlandı.")
    result, _ = merge_catalog(template("Rain is expected tomorrow."), catalog(old))
    assert not live(result, "Rain is expected tomorrow.").has_translation


def test_fuzzy_match_prefers_same_context() -> None:
    photo = Entry(msgid="Harbour reopens", msgctxt="photo", msgstr="A")
    caption = Entry(msgid="Harbour reopens", msgctxt="caption", msgstr="B")
    result, _ = merge_catalog(template("Harbour reopens!", context="caption"), catalog(photo, caption))
    assert result.live_entries[0].msgstr == "B"


def test_one_old_entry_may_serve_several_fuzzy_matches() -> None:
    old = Entry(msgid="The port closed on Monday.", msgstr="Liman bağlandı.")
    pot = template("The port closed on Tuesday.", "The port closed on Sunday.")
    result, stats = merge_catalog(pot, catalog(old))
    assert [entry.msgstr for entry in result.live_entries] == [old.msgstr, old.msgstr]
    assert stats.fuzzy == 2


def test_exact_match_source_is_not_a_fuzzy_candidate() -> None:
    kept = Entry(msgid="The port closed on Monday.", msgstr="Liman bağlandı.")
    result, _ = merge_catalog(template(kept.msgid, "The port closed on Monday!"), catalog(kept))
    assert not live(result, "The port closed on Monday!").has_translation


def test_obsolete_entries_follow_template_old_first_then_newly_obsolete() -> None:
    existing = catalog(
        Entry(msgid="b", msgstr="B"),
        Entry(msgid="keep", msgstr="K"),
        Entry(msgid="a", msgstr="A"),
        Entry(msgid="untranslated"),
        Entry(msgid="old", msgstr="O", obsolete=True),
        Entry(msgid="old untranslated", obsolete=True),
    )
    result, stats = merge_catalog(template("keep"), existing, fuzzy_matching=False)
    assert [(e.msgid, e.obsolete) for e in result.entries] == [
        ("keep", False), ("old", True), ("b", True), ("a", True)
    ]
    assert stats.obsolete == 2


def test_plural_added_to_translated_entry_marks_it_fuzzy() -> None:
    pot = catalog(Entry(msgid="one ship", msgid_plural="{n} ships", msgstr_plural={0: "", 1: ""}))
    result, _ = merge_catalog(pot, catalog(Entry(msgid="one ship", msgstr="bir gəmi")))
    entry = result.live_entries[0]
    assert entry.fuzzy and entry.msgstr_plural == {0: "bir gəmi", 1: ""}
    assert entry.previous_msgid == "one ship"


def test_inputs_are_not_modified() -> None:
    pot, before = load(DATA / "comments_flags.pot"), load(DATA / "comments_flags_before.po")
    pot_copy, before_copy = copy.deepcopy(pot), copy.deepcopy(before)
    result, _ = merge_catalog(pot, before)
    result.entries[0].flags.append("changed")
    result.header.translator_comments.append("changed")
    assert (pot, before) == (pot_copy, before_copy)


@pytest.mark.parametrize("case", CASES)
def test_consuming_merge_gives_the_same_result_and_empties_the_inputs(case: str) -> None:
    pot, before = load(DATA / f"{case}.pot"), load(DATA / f"{case}_before.po")
    expected = merge_catalog(copy.deepcopy(pot), copy.deepcopy(before))
    assert merge_catalog(pot, before, consume=True) == expected
    assert pot.entries == before.entries == []


@pytest.mark.parametrize(
    ("a", "b", "ratio"),
    [("abc", "abc", 1.0), ("", "", 1.0), ("abc", "xyz", 0.0), ("colour", "color", 10 / 11)],
)
def test_similarity_is_twice_the_common_subsequence_over_the_lengths(a: str, b: str, ratio: float) -> None:
    assert similarity(a, b) == pytest.approx(ratio)


# Work shared with forked processes gives what one process gives


def numbered_sentences(count: int) -> list[str]:
    return [f"The harbour {WORDS[n % len(WORDS)]} report number {n} was filed." for n in range(count)]


def test_near_match_search_shared_among_processes_finds_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    old = catalog(*(Entry(msgid=text, msgstr=f"tr {n}") for n, text in enumerate(numbered_sentences(60))))
    pot = template(*(text.replace("filed", "filed again") for text in numbered_sentences(60)[::2]), "Unrelated.")
    alone = merge_catalog(pot, old)
    monkeypatch.setattr(merge_module, "_QUERIES_PER_PROCESS", 2)
    assert merge_catalog(pot, old, jobs=3) == alone
    assert alone[1].fuzzy == 30


def test_template_read_by_a_worker_equals_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(merge_module, "_PARALLEL_READ_BYTES", 0)
    monkeypatch.setattr(merge_module, "_BATCH_ENTRIES", 2)
    pot, before = DATA / "comments_flags.pot", DATA / "comments_flags_before.po"
    template_read, catalog_read = read_for_merge(pot, before, jobs=2)
    assert (template_read, catalog_read) == (read_po(pot), read_po(before))


def test_template_error_comes_first_when_read_by_a_worker(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(merge_module, "_PARALLEL_READ_BYTES", 0)
    (tmp_path / "broken.pot").write_text('msgid ""\nmsgstr ""\n\nmsgid "a"\n', encoding="utf-8")
    (tmp_path / "broken.po").write_text('msgid "b"\n', encoding="utf-8")
    with pytest.raises(CatalogError, match="broken.pot"):
        read_for_merge(tmp_path / "broken.pot", tmp_path / "broken.po", jobs=2)
    with pytest.raises(CatalogError, match="broken.po"):
        read_for_merge(DATA / "comments_flags.pot", tmp_path / "broken.po", jobs=2)


def test_catalog_written_by_several_processes_has_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    result, _ = merge_catalog(load(DATA / "comments_flags.pot"), load(DATA / "comments_flags_before.po"))
    result.entries += [Entry(msgid=text, msgstr=text.upper()) for text in numbered_sentences(9)]
    monkeypatch.setattr(pofile_module, "_ENTRIES_PER_PROCESS", 1)
    stream = io.BytesIO()
    write_po(result, stream, jobs=3)
    assert stream.getvalue() == format_po(result).encode("utf-8")


# Properties: nothing a translator wrote is ever lost; merging twice changes nothing

WORDS = ["port", "ship", "storm", "mayor", "fees", "rose", "closed", "Monday", "12", "fishermen"]
sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(lambda ws: " ".join(ws) + ".")


@st.composite
def edit_histories(draw: st.DrawFn) -> list[list[str]]:
    """Successive versions of a source text, each one edit away from the last."""
    source = draw(st.lists(sentences, min_size=1, max_size=6, unique=True))
    versions = [source]
    for _ in range(draw(st.integers(1, 6))):
        source = list(source)
        edit = draw(st.sampled_from(["add", "delete", "reword", "reorder", "split", "merge"]))
        at = draw(st.integers(0, max(len(source) - 1, 0)))
        if edit == "add" or not source:
            source.insert(at, draw(sentences))
        elif edit == "delete":
            del source[at]
        elif edit == "reword":
            source[at] = source[at][:-1] + " " + draw(st.sampled_from(WORDS)) + "."
        elif edit == "reorder":
            source = draw(st.permutations(source))
        elif edit == "split":
            words = source[at][:-1].split()
            cut = draw(st.integers(0, len(words)))
            source[at : at + 1] = [" ".join(part) + "." for part in (words[:cut], words[cut:]) if part]
        elif at + 1 < len(source):
            source[at : at + 2] = [source[at][:-1] + " " + source[at + 1]]
        versions.append(list(dict.fromkeys(source)))
    return versions


def still_there(result: Catalog, msgid: str, msgstr: str) -> bool:
    """Kept live, as a fuzzy suggestion with this previous msgid, or obsolete."""
    return any(
        entry.msgstr == msgstr
        and (entry.msgid == msgid or (entry.fuzzy and entry.previous_msgid == msgid))
        for entry in result.entries
    )


@settings(max_examples=60, deadline=None)
@given(edit_histories(), st.data())
def test_no_translation_is_ever_lost(versions: list[list[str]], data: st.DataObject) -> None:
    current: Catalog | None = None
    made: list[tuple[str, str]] = []
    for number, source in enumerate(versions):
        pot = template(*source)
        consumed = merge_catalog(copy.deepcopy(pot), copy.deepcopy(current), consume=True)
        current, stats = merge_catalog(pot, current)
        assert consumed == (current, stats)
        assert merge_catalog(pot, current)[0] == current
        for msgid, msgstr in made:
            assert still_there(current, msgid, msgstr), (msgid, msgstr)
        for entry in current.live_entries:
            if (not entry.translated) and data.draw(st.booleans()):
                entry.msgstr = f"v{number}: {entry.msgid}"
                entry.set_flag("fuzzy", False)
                made.append((entry.msgid, entry.msgstr))


# Agreement with GNU msgmerge


@pytest.mark.skipif(shutil.which("msgmerge") is None, reason="GNU msgmerge is not installed")
@pytest.mark.parametrize("case", CASES)
def test_same_states_as_gnu_msgmerge(case: str, tmp_path: Path) -> None:
    output = tmp_path / "gnu.po"
    subprocess.run(
        ["msgmerge", "--quiet", "--previous", "-o", str(output),
         str(DATA / f"{case}_before.po"), str(DATA / f"{case}.pot")],
        check=True,
    )
    ours, gnu = merged_case(case)[0], load(output)
    assert states(ours, obsolete=False) == states(gnu, obsolete=False)
    # Deliberate differences: we also keep the source of each fuzzy match as obsolete (msgmerge
    # drops it), and we take fuzzy matches only from old entries no exact match uses (in the
    # context case msgmerge suggests the headline's translation, we the old photo caption's).
    fuzzy_sources = {(e.previous_msgctxt, e.previous_msgid) for e in ours.live_entries if e.fuzzy}
    assert states(ours, obsolete=True) - states(gnu, obsolete=True) <= {
        (key, "obsolete") for key in fuzzy_sources
    }
    assert states(gnu, obsolete=True) <= states(ours, obsolete=True)


def states(result: Catalog, *, obsolete: bool) -> set[tuple[tuple[str | None, str], str]]:
    """(key, state) for translated, fuzzy or obsolete entries of one kind."""
    def state(entry: Entry) -> str:
        return "obsolete" if entry.obsolete else "fuzzy" if entry.fuzzy else "translated"

    return {(e.key, state(e)) for e in result.entries if e.obsolete == obsolete and e.has_translation}
