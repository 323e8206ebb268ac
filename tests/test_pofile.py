"""PO reading and writing: every field kept, GNU layout, precise errors."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n_pipeline.catalog import Catalog, Entry
from l10n_pipeline.errors import CatalogError
from l10n_pipeline.pofile import format_po, parse_po, read_po, validate_language, write_po
from conftest import without_lines

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "po" / "sample.po"
BROKEN = sorted((DATA / "broken" / "po").glob("*.po"))
LANGUAGE_CASES = {"missing_language.po", "unknown_language.po"}
HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Language: ru\\n"\n"Plural-Forms: nplurals=3; plural=(n%10==1 ? 0 : 1);\\n"\n\n'
)
needs_gnu = pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU gettext not installed")


def test_sample_keeps_every_field() -> None:
    catalog = read_po(SAMPLE)
    metro, passengers, headline, plural, long, retired = catalog.entries
    assert catalog.path == str(SAMPLE)
    assert catalog.language == "az" and catalog.header.line == 2
    assert catalog.header.translator_comments == ["Azerbaijani translation of the news articles."]
    assert metro.translator_comments == ["Checked by the desk."]
    assert metro.extracted_comments == ["Article: baku-metro"]
    assert metro.references == ["source_texts/baku-metro.md:3", "source_texts/baku-metro.md:9"]
    assert metro.line == 13
    assert passengers.fuzzy and passengers.previous_msgid == "It carries 200,000 passengers a day."
    assert headline.msgctxt == "headline"
    assert plural.msgid_plural == "%d stations" and plural.msgstr_plural == {0: "%d stansiya", 1: "%d stansiya"}
    assert long.msgid.startswith('A long sentence with a "quote", a tab\there and a backslash \\ that')
    assert long.msgid.endswith("columns.\nSecond line.")
    assert retired.obsolete and retired.previous_msgid == "Old headline" and retired.msgstr == "Köhnə başlıq"


def test_sample_round_trips_byte_for_byte() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    assert format_po(parse_po(text)) == text


@pytest.mark.parametrize("path", BROKEN, ids=lambda path: path.stem)
def test_broken_file_raises_one_line_error_with_location(path: Path) -> None:
    with pytest.raises(CatalogError) as caught:
        catalog = read_po(path)
        if path.name in LANGUAGE_CASES:
            validate_language(catalog)
    message = str(caught.value)
    assert message.startswith(f"{path}:{caught.value.line}: ")
    assert caught.value.line and caught.value.hint
    assert "\n" not in message


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("charset_latin1", "only UTF-8 catalogs are supported; convert with msgconv --to-code=UTF-8"),
        ("crlf", "convert line ends to LF"),
        ("missing_header", "missing header entry"),
        ("mismatched_plural_forms", "mismatched plural forms"),
        ("duplicate_msgid", "first defined at line 7"),
        ("invalid_utf8", "invalid UTF-8 byte 0xe9"),
        ("msgstr_before_msgid", "msgstr before msgid"),
        ("unknown_keyword", "unknown keyword 'msgtext'"),
    ],
)
def test_error_messages_say_what_is_wrong(case: str, words: str) -> None:
    with pytest.raises(CatalogError, match=words):
        read_po(DATA / "broken" / "po" / f"{case}.po")


def test_same_msgid_in_other_context_or_obsolete_is_no_duplicate() -> None:
    text = HEADER + 'msgid "a"\nmsgstr ""\n\nmsgctxt "x"\nmsgid "a"\nmsgstr ""\n\n#~ msgid "a"\n#~ msgstr "b"\n'
    assert len(parse_po(text).entries) == 3


def test_escapes_octal_and_hex_are_decoded() -> None:
    text = HEADER + 'msgid "\\a\\b\\f\\v\\r \\101\\x42 \\303\\266"\nmsgstr ""\n'
    assert parse_po(text).entries[0].msgid == "\a\b\f\v\r AB ö"


def test_ten_megabyte_line_parses_when_valid_and_fails_fast_when_garbage() -> None:
    value = "word " * 2_000_000
    assert parse_po(HEADER + f'msgid "{value}"\nmsgstr ""\n').entries[0].msgid == value
    with pytest.raises(CatalogError, match="text outside any entry") as caught:
        parse_po(HEADER + "x" * 10_000_000 + "\n", "big.po")
    assert len(str(caught.value)) < 300 and caught.value.line == 7
    with pytest.raises(CatalogError, match="unterminated string"):
        parse_po(HEADER + 'msgid "' + "\\\\" * 3_000_000 + "\\" + '"\nmsgstr ""\n')


@pytest.mark.parametrize(("language", "expected"), [("az", "az"), ("ru", "ru"), ("pt_BR", "pt_BR"), ("pt-BR", "pt_BR")])
def test_validate_language_normalises(language: str, expected: str) -> None:
    assert validate_language(parse_po(HEADER.replace("Language: ru", f"Language: {language}"))) == expected


def test_pot_may_declare_placeholder_charset() -> None:
    text = HEADER.replace("UTF-8", "CHARSET")
    assert parse_po(text, "articles.pot").header.msgid == ""
    with pytest.raises(CatalogError, match="only UTF-8"):
        parse_po(text, "articles.po")


def test_long_references_wrap_like_gnu() -> None:
    refs = [f"source_texts/article-number-{n}.md:{n * 10}" for n in range(5)]
    entry = Entry(msgid="x", references=refs)
    text = format_po(Catalog(entries=[entry]))
    assert "#: source_texts/article-number-0.md:0 source_texts/article-number-1.md:10\n" in text
    assert all(len(line) <= 79 for line in text.splitlines())


# --- GNU agreement and lossless round trips ---

_WORDS = [
    "the", "government", "said", "on", "Tuesday", "1,200", "people", "Baku's", "old-town", "Москва", "объявила",
    "Азербайджан", "Əliyev", "şəhər", "قال", "الرئيس", "بيان", '"quoted"', "(note)", "well-known", "e.g.", "3.5%",
    "$40", "—", "…", "«hi»", "a\\b", "tab\there", "why?", "http://example.com/a/b", "end.\n", "mid\nline", "",
]


def _sentence(draw: st.DrawFn, max_words: int = 30) -> str:
    return " ".join(draw(st.lists(st.sampled_from(_WORDS), max_size=max_words)))


@st.composite
def _entries(draw: st.DrawFn, index: int, for_gnu: bool) -> Entry:
    entry = Entry(msgid=f"{index} {_sentence(draw)}", msgstr=f"tr {_sentence(draw)}", line=0)
    if draw(st.booleans()):
        entry.msgctxt = _sentence(draw, 4)
    if draw(st.booleans()):
        entry.msgid_plural = _sentence(draw)
        entry.msgstr, entry.msgstr_plural = "", {0: f"a {_sentence(draw)}", 1: f"b {_sentence(draw)}", 2: "c"}
    entry.references = [f"source_texts/a{n}.md:{n * 7}" for n in range(draw(st.integers(0, 8)))]
    entry.extracted_comments = draw(st.lists(st.sampled_from(["Article: x", "Paragraph 2", ""]), max_size=2))
    entry.translator_comments = draw(st.lists(st.sampled_from(["checked", " indented", "ok?"]), max_size=2))
    if draw(st.booleans()):
        entry.flags = ["fuzzy"] + draw(st.lists(st.just("python-format"), max_size=1))
        entry.previous_msgid = _sentence(draw)
        if draw(st.booleans()):
            entry.previous_msgctxt = _sentence(draw, 3)
        if draw(st.booleans()):
            entry.previous_msgid_plural = _sentence(draw, 5)
    entry.obsolete = draw(st.booleans()) and draw(st.booleans())
    if for_gnu and entry.obsolete:
        entry.references = []  # GNU keeps no references on obsolete entries
    return entry


@st.composite
def _catalogs(draw: st.DrawFn, for_gnu: bool = False) -> Catalog:
    entries = [draw(_entries(index, for_gnu)) for index in range(draw(st.integers(0, 12)))]
    if for_gnu:
        entries.append(Entry(msgid="last", msgstr="son"))  # msgcat writes nothing for a header-only file
    catalog = Catalog(entries=[e for e in entries if not e.obsolete] + [e for e in entries if e.obsolete])
    catalog.set_metadata({
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": "ru",
        "Plural-Forms": "nplurals=3; plural=(n%10==1 ? 0 : 1);",
    })
    return catalog


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_catalogs())
def test_round_trip_is_lossless(catalog: Catalog) -> None:
    text = format_po(catalog)
    again = parse_po(text)
    assert without_lines(again) == catalog
    assert format_po(again) == text
    stream = io.BytesIO()
    write_po(catalog, stream)
    assert stream.getvalue() == text.encode("utf-8")


def test_write_po_streams_large_catalogs_in_chunks() -> None:
    catalog = Catalog(entries=[Entry(msgid=f"Cümlə {number}", msgstr=f"Sentence {number}") for number in range(2500)])
    catalog.entries[7].obsolete = True
    writes: list[bytes] = []

    class Recorder(io.RawIOBase):
        def write(self, data: bytes) -> int:
            writes.append(bytes(data))
            return len(data)

    write_po(catalog, Recorder())
    assert len(writes) > 2
    assert b"".join(writes) == format_po(catalog).encode("utf-8")


@needs_gnu
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_catalogs(for_gnu=True))
def test_msgcat_reproduces_our_output(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> None:
    folder = tmp_path_factory.mktemp("gnu")
    ours = folder / "ours.po"
    ours.write_text(format_po(catalog), encoding="utf-8")
    result = subprocess.run(["msgcat", "-o", "-", str(ours)], capture_output=True, text=True, check=True)
    assert result.stdout == ours.read_text(encoding="utf-8")


@needs_gnu
def test_sample_matches_msgcat() -> None:
    result = subprocess.run(["msgcat", "-o", "-", str(SAMPLE)], capture_output=True, text=True, check=True)
    assert format_po(read_po(SAMPLE)) == result.stdout
