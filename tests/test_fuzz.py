"""Fuzzing the parts that meet arbitrary text: PO files, the segmenter, the number and glossary checks.

The example count comes from the hypothesis profile (``ci`` by default, ``HYPOTHESIS_PROFILE=long``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from l10n_pipeline.catalog import Catalog, Entry
from l10n_pipeline.glossary import Glossary, check_translation, find_terms, glossary_hint, load_glossary
from l10n_pipeline.models import Severity
from l10n_pipeline.numerals import compare_numbers, numbers_hint, read_numbers
from l10n_pipeline.pofile import format_po, parse_po
from l10n_pipeline.segment import body_pieces, join_pieces
from l10n_pipeline.sentences import sentence_spans
from conftest import without_lines

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ("en", "az", "ru", "tr", "ur", "ar", "ja")

# Any character a PO string can carry: everything but NUL (gettext strings are C strings).
PO_TEXT = st.text(st.characters(exclude_characters="\0", exclude_categories=("Cs",)), max_size=60)
# A comment is one line: no line ends, and no CR, which the reader refuses as a CRLF sign.
COMMENT = st.text(st.characters(exclude_characters="\0\n\r", exclude_categories=("Cs",)), max_size=30)
FLAG = st.sampled_from(["fuzzy", "no-wrap", "python-format", "no-python-format", "c-format", "range: 1..5"])
REFERENCE = st.from_regex(r"[a-z_/]{1,20}\.md:[1-9][0-9]{0,3}", fullmatch=True)


@st.composite
def po_entries(draw: st.DrawFn, index: int) -> Entry:
    """An entry with any subset of the fields a PO entry can have, filled with arbitrary text."""
    entry = Entry(msgid=f"{index}{draw(PO_TEXT)}", msgstr=draw(PO_TEXT), line=0)
    entry.msgctxt = draw(st.none() | PO_TEXT)
    if draw(st.booleans()):
        entry.msgid_plural = draw(PO_TEXT)
        entry.msgstr = ""
        entry.msgstr_plural = {n: draw(PO_TEXT) for n in range(3)}
    entry.translator_comments = draw(st.lists(COMMENT, max_size=3))
    entry.extracted_comments = draw(st.lists(COMMENT, max_size=3))
    entry.references = draw(st.lists(REFERENCE, max_size=4, unique=True))
    entry.flags = draw(st.lists(FLAG, max_size=3, unique=True))
    if draw(st.booleans()):
        entry.previous_msgid = draw(PO_TEXT)
        entry.previous_msgctxt = draw(st.none() | PO_TEXT)
        if entry.msgid_plural is not None:
            entry.previous_msgid_plural = draw(st.none() | PO_TEXT)
    entry.obsolete = draw(st.integers(0, 3)) == 0
    return entry


@st.composite
def po_catalogs(draw: st.DrawFn) -> Catalog:
    entries = [draw(po_entries(index)) for index in range(draw(st.integers(0, 8)))]
    catalog = Catalog(entries=[e for e in entries if not e.obsolete] + [e for e in entries if e.obsolete])
    catalog.header.translator_comments = draw(st.lists(COMMENT, max_size=2))
    catalog.set_metadata({
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": "ru",
        "Plural-Forms": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 ? 1 : 2);",
    })
    return catalog


@given(po_catalogs(), st.sampled_from([79, 40, 1 << 20]))
def test_po_round_trip_keeps_every_field_of_any_text(catalog: Catalog, width: int) -> None:
    text = format_po(catalog, width=width)
    again = without_lines(parse_po(text))
    assert again == catalog
    assert format_po(again, width=width) == text


@given(st.text(max_size=300))
def test_segmenting_any_body_loses_and_duplicates_nothing(body: str) -> None:
    pieces = body_pieces(body)
    assert join_pieces(pieces) == body
    assert join_pieces(pieces, lambda text: text) == body


@given(st.text(max_size=200))
def test_sentences_are_disjoint_slices_in_order(text: str) -> None:
    """Every character is in exactly one sentence, or is whitespace between them."""
    spans = sentence_spans(text)
    cursor = 0
    for start, end in spans:
        assert cursor <= start < end <= len(text)
        assert text[cursor:start].strip() == ""
        cursor = end
    assert text[cursor:].strip() == ""


@given(source=st.text(max_size=80), target=st.text(max_size=80), locale=st.sampled_from(LOCALES))
def test_number_check_never_raises(source: str, target: str, locale: str) -> None:
    read_numbers(source, locale)
    numbers_hint(source, locale)
    compare_numbers(source, target, locale)


NUMBERISH = st.lists(
    st.sampled_from(list("0123456789 ,.-–%$€£:/") + ["one", "two", "million", "bn", "1st", "2nd", "May", "½", "٣", "¹"]),
    max_size=30,
).map("".join)


@given(st.one_of(st.text(max_size=80), NUMBERISH, st.lists(st.one_of(NUMBERISH, st.text(max_size=8))).map(" ".join)))
def test_english_translation_equal_to_source_passes_the_number_check(text: str) -> None:
    errors = [issue for issue in compare_numbers(text, text, "en") if issue.severity == Severity.ERROR]
    assert errors == []


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(ROOT / "glossary.yaml")


TERMS = st.sampled_from(["Khojaly", "Baku", "Heydar Aliyev", "Khojaly genocide", "Azerbaijan", "Armenia"])


@given(
    around=st.lists(st.one_of(st.text(max_size=10), TERMS), max_size=8).map(" ".join),
    target=st.text(max_size=60),
    locale=st.sampled_from(LOCALES),
)
def test_glossary_check_never_raises_on_any_unicode(glossary: Glossary, around: str, target: str, locale: str) -> None:
    for match in find_terms(glossary, around):
        assert around[match.start : match.end] == match.text
    check_translation(glossary, around, target, locale)
    check_translation(glossary, around, around, locale)
    glossary_hint(glossary, around, locale)
