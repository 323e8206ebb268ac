"""The glossary: loading, source and target matching per locale, hints, checks, exports, CLI."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
import json
import random
import re
import sys
import time
from pathlib import Path
from typing import Any

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from typer.testing import CliRunner

from l10n_pipeline.cli_glossary import glossary_app
from l10n_pipeline.errors import GlossaryError
from l10n_pipeline.glossary import (
    Glossary,
    check_translation,
    find_terms,
    glossary_hint,
    load_glossary,
    lookup_term,
    parse_glossary,
)
from l10n_pipeline.glossary_export import to_csv, to_tbx
from l10n_pipeline.models import Severity
from l10n_pipeline.morphology import Morphology, fold, morphology_for
from l10n_pipeline.qa.base import CheckContext
from l10n_pipeline.qa.glossary import GlossaryCheck, GlossaryVariantCheck

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "glossary"
SEEDS_LOCALES = ("az", "ru", "tr")


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(ROOT / "glossary.yaml")


def issues(glossary: Glossary, source: str, target: str, locale: str) -> list[str]:
    return [issue.message for issue in check_translation(glossary, source, target, locale)]


# ---------------------------------------------------------------- the bundled glossary


def test_bundled_glossary_covers_the_articles(glossary: Glossary) -> None:
    assert len(glossary.terms) >= 25
    for term in glossary.terms:
        if not term.do_not_translate:
            assert set(SEEDS_LOCALES) <= set(term.translations), term.source


def test_bundled_glossary_finds_terms_in_every_article(glossary: Glossary) -> None:
    for article in sorted((ROOT / "source_texts").glob("*.md")):
        names = {match.term.source for match in find_terms(glossary, article.read_text("utf-8"))}
        assert "Khojaly genocide" in names, article.name


# ---------------------------------------------------------------- loading errors


@pytest.mark.parametrize(
    ("name", "line", "fragment"),
    [
        ("syntax_error.yaml", 5, "invalid YAML"),
        ("python_tag.yaml", 3, "YAML tag !!python/object/apply:os.system is not allowed"),
        ("unknown_field.yaml", 6, 'unknown field "translation"'),
        ("no_translations.yaml", 5, '"Baku" has no translations'),
        ("duplicate_term.yaml", 6, 'duplicate term "haydar aliyev" (already on line 2)'),
        ("wrong_type.yaml", 5, 'case_sensitive of "Khojaly" must be true or false'),
        ("not_a_list.yaml", 2, '"terms" must be a list'),
        ("approved_and_forbidden.yaml", 2, '"Xocalı" is both approved and forbidden for az'),
    ],
)
def test_broken_glossary_names_file_line_and_fix(name: str, line: int, fragment: str) -> None:
    with pytest.raises(GlossaryError) as caught:
        load_glossary(DATA / name)
    error = caught.value
    assert error.line == line
    assert error.path.endswith(name)
    assert error.hint
    assert fragment in str(error)
    assert str(error).startswith(f"{error.path}:{line}: ")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "the glossary is empty"),
        ("terms:\n  - source: 12\n    translations: {az: x}\n", '"source" must be a string'),
        ("terms:\n  - source: A\n    translations: {az: []}\n", "must not be an empty list"),
        ("terms:\n  - source: A\n    translations: {Azeri!: x}\n", "is not a locale code"),
        ("terms:\n  - translations: {az: x}\n", 'a term without "source"'),
        ("terms: []\nextra: 1\n", 'unknown field "extra"'),
        ("terms:\n  - source: A\n    source: B\n    translations: {az: x}\n", 'duplicate key "source"'),
    ],
)
def test_parse_glossary_rejects_wrong_shapes(text: str, fragment: str) -> None:
    with pytest.raises(GlossaryError, match=fragment):
        parse_glossary(text, "g.yaml")


def test_missing_glossary_file_is_a_glossary_error(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="glossary file not found"):
        load_glossary(tmp_path / "nope.yaml")


def test_forms_are_tuples_and_lines_are_recorded() -> None:
    loaded = parse_glossary("terms:\n  - source: Baku\n    translations:\n      az: Bakı\n      ru: [Баку]\n")
    (term,) = loaded.terms
    assert term.translations == {"az": ("Bakı",), "ru": ("Баку",)}
    assert term.line == 2
    assert hash(term)


# ---------------------------------------------------------------- source side


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Heydar Aliyev Foundation", ["Heydar Aliyev Foundation"]),
        ("Heydar Aliyev and the Heydar Aliyev Center", ["Heydar Aliyev", "Heydar Aliyev Center"]),
        ("the Armenia-Azerbaijan Nagorno-Karabakh conflict", ["Armenia-Azerbaijan", "Nagorno-Karabakh"]),
        ("Azerbaijani people and Armenian forces", []),
        ("Azerbaijan’s Milli Majlis and Khojaly's victims", ["Azerbaijan", "Milli Majlis", "Khojaly"]),
        ("Heydar Aliyev`s returning", ["Heydar Aliyev"]),
        ("the KHOJALY genocide", ["Khojaly genocide"]),
        ("#JusticeForKhojaly #KhojalyGenocide", []),
        ("a song my mother sang", []),
        ("Hatyn, Lidice and Song My", ["Hatyn", "Lidice", "Song My"]),
    ],
)
def test_find_terms_longest_first_at_word_boundaries(glossary: Glossary, text: str, expected: list[str]) -> None:
    assert [match.term.source for match in find_terms(glossary, text)] == expected


def test_find_terms_reports_spans_and_variants(glossary: Glossary) -> None:
    text = "declared national leader Haydar Aliyev."
    (match,) = find_terms(glossary, text)
    assert (match.text, match.is_variant, match.term.source) == ("Haydar Aliyev", True, "Heydar Aliyev")
    assert text[match.start : match.end] == "Haydar Aliyev"


def test_variant_check_warns_about_the_source_only(glossary: Glossary) -> None:
    ctx = CheckContext(locale="az", glossary=glossary)
    found = GlossaryVariantCheck().check("the Second Karabakh-Patriotic War", "anything", ctx)
    assert [issue.message for issue in found] == [
        '"Second Karabakh-Patriotic War" is a variant of "Second Karabakh War"; write "Second Karabakh War"'
    ]
    assert GlossaryVariantCheck.severity is Severity.WARNING
    assert GlossaryVariantCheck().check("Heydar Aliyev", "Haydar Aliyev", ctx) == []


def test_checks_without_glossary_find_nothing() -> None:
    ctx = CheckContext(locale="az")
    assert GlossaryCheck().check("Khojaly", "nothing", ctx) == []
    assert GlossaryVariantCheck().check("Haydar Aliyev", "", ctx) == []


# ---------------------------------------------------------------- target side, per locale

PASSES = [
    ("az", "in Khojaly", "Xocalıda"),
    ("az", "of Khojaly", "Xocalının"),
    ("az", "in Khankendi", "Xankəndidə"),
    ("az", "by Heydar Aliyev", "Heydər Əliyevin"),
    ("az", "the Milli Majlis", "Milli Məclisin"),
    ("az", "of Azerbaijan", "Azərbaycanın"),
    ("az", "in Baku", "BAKIDA"),
    ("az", "of the USSR", "SSRİ-nin"),
    ("az", "the Azadlyg square", "Azadlıq meydanından"),
    ("az", "the Heydar Aliyev Foundation and Heydar Aliyev", "Heydər Əliyev Fondu və Heydər Əliyev"),
    ("az", "Islamabad", "İSLAMABADDA"),
    ("az", "News.Az", "News.Az-a"),
    ("tr", "in Khojaly", "Hocalı'da"),
    ("tr", "in Khojaly", "Hocalı’da"),
    ("tr", "Khojaly and Khojaly", "Hocalı ve Hocalı"),
    ("tr", "Heydar Aliyev", "Haydar Aliyev'in"),
    ("tr", "Baku", "Bakü'de"),
    ("tr", "Khojaly genocide", "HOCALI SOYKIRIMI"),
    ("tr", "Nagorno-Karabakh", "Dağlık Karabağ'da"),
    ("tr", "Justice for Khojaly", "Hocalı’ya Adalet"),
    ("ru", "the Milli Majlis", "Милли Меджлиса"),
    ("ru", "Heydar Aliyev", "Гейдара Алиева"),
    ("ru", "in Nagorno-Karabakh", "в Нагорном Карабахе"),
    ("ru", "Nagorno-Karabakh", "Нагорного Карабаха"),
    ("ru", "Ilham Aliyev", "Ильхамом Алиевым"),
    ("ru", "Leyla Aliyeva", "Лейлой Алиевой"),
    ("ru", "Leyla Aliyeva", "Лейле Алиевой"),
    ("ru", "in Khankendi", "в Ханкенди"),
    ("ru", "Azerbaijan", "Азербайджаном"),
    ("ru", "Karabakh", "о Карабахе"),
    ("ru", "Khojaly tragedy", "Ходжалинской трагедии"),
    ("ru", "Khojaly genocide", "Днём Ходжалинского геноцида"),
    ("ru", "Hatyn", "Хатынью"),
    ("ur", "Baku", "باکو میں"),
]


@pytest.mark.parametrize(("locale", "source", "target"), PASSES)
def test_correct_inflections_pass(glossary: Glossary, locale: str, source: str, target: str) -> None:
    assert issues(glossary, source, target, locale) == []


FAILS = [
    ("az", "Khojaly", "Xocalida", '"Khojaly" should be "Xocalı" here (found "Xocalida", a forbidden form)'),
    ("az", "Khankendi", "Xankendidə", '"Khankendi" should be "Xankəndi" here (found "Xankendidə", a forbidden form)'),
    ("az", "Khankendi", "Stepanakert", '"Khankendi" should be "Xankəndi" here (found "Stepanakert", a forbidden form)'),
    ("az", "Heydar Aliyev", "Heydar Aliyev", '"Heydar Aliyev" should be "Heydər Əliyev" here (found "Heydar Aliyev", a forbidden form)'),
    ("az", "Khojaly and Khojaly", "Xocalı",
     '"Khojaly" appears 2 times in the source but an approved form ("Xocalı") 1 time here'),
    ("az", "Mexico", "Meksikoda", '"Mexico" should be "Meksika" here (found "Meksikoda")'),
    ("az", "Baku", "paytaxtda", '"Baku" should be "Bakı" here (not found in the translation)'),
    ("tr", "Khojaly", "Hocali'de", '"Khojaly" should be "Hocalı" here (found "Hocali\'de", a forbidden form)'),
    ("tr", "Khojaly", "Hocaly", '"Khojaly" should be "Hocalı" here (found "Hocaly")'),
    ("tr", "Baku", "Baku'da", '"Baku" should be "Bakü" here (found "Baku\'da", a forbidden form)'),
    ("ru", "Khojaly", "Ходжали", '"Khojaly" should be "Ходжалы" or "Ходжалинский" here (found "Ходжали", a forbidden form)'),
    ("ru", "Khankendi", "в Степанакерте", '"Khankendi" should be "Ханкенди" here (found "Степанакерте", a forbidden form)'),
    ("ru", "Agdam", "Акдама", '"Agdam" should be "Агдам" here (found "Акдама")'),
    ("ru", "Ramiz Mehdiyev", "Рамиз Мехдиев", '"Ramiz Mehdiyev" should be "Рамиз Мехтиев" here (found "Рамиз Мехдиев")'),
    ("ru", "Heydar Aliyev", "Алиев", '"Heydar Aliyev" should be "Гейдар Алиев" here (not found in the translation)'),
    ("ru", "MUSLIM Institute", "Институт Muslim", '"MUSLIM Institute" should be "Институт MUSLIM" here (found "Институт Muslim")'),
    ("ur", "Baku", "باكو", None),
]


@pytest.mark.parametrize(("locale", "source", "target", "message"), FAILS)
def test_wrong_missing_and_forbidden_forms_fail(
    glossary: Glossary, locale: str, source: str, target: str, message: str | None
) -> None:
    found = issues(glossary, source, target, locale)
    assert len(found) == 1
    if message:
        assert found == [message]


def test_forbidden_form_is_an_error_even_when_the_source_lacks_the_term(glossary: Glossary) -> None:
    found = check_translation(glossary, "The regional centre.", "Stepanakert mərkəzi.", "az")
    assert [issue.details["term"] for issue in found] == ["Khankendi"]
    assert found[0].details["forbidden"] is True


def test_untranslated_entries_are_not_checked(glossary: Glossary) -> None:
    assert issues(glossary, "in Khojaly", "", "az") == []


def test_surplus_in_the_target_is_fine(glossary: Glossary) -> None:
    assert issues(glossary, "in Baku", "Bakıda, Azərbaycanın paytaxtı Bakıda", "az") == []


def test_terms_without_a_form_for_the_locale_are_not_checked(glossary: Glossary) -> None:
    assert issues(glossary, "Khankendi", "کچھ بھی", "ur") == []


def test_do_not_translate_terms_keep_the_source_form(glossary: Glossary) -> None:
    assert issues(glossary, "Azernews reports", "сообщает Azernews", "ru") == []
    assert issues(glossary, "Azernews reports", "сообщает Азерньюс", "ru") == [
        '"Azernews" should be "Azernews" here (not found in the translation)'
    ]


def test_issue_details_carry_the_data(glossary: Glossary) -> None:
    (issue,) = check_translation(glossary, "Khojaly", "Xocali", "az")
    assert issue.severity is None
    assert issue.details == {"term": "Khojaly", "approved": ["Xocalı"], "found": "Xocali", "forbidden": True}


def test_glossary_check_uses_the_context(glossary: Glossary) -> None:
    ctx = CheckContext(locale="tr", glossary=glossary)
    assert GlossaryCheck().check("in Khojaly", "Hocalı'da", ctx) == []
    assert len(GlossaryCheck().check("in Khojaly", "Hocali'de", ctx)) == 1


# ---------------------------------------------------------------- morphology


def test_turkic_folding_keeps_dotted_and_dotless_i_apart() -> None:
    turkish = morphology_for("tr")
    assert fold("İSTANBUL IĞDIR", turkish) == "istanbul ığdır"
    assert len(fold("İstanbul", Morphology())) == len("İstanbul")  # offsets stay valid


def test_russian_folding_treats_yo_as_ye() -> None:
    assert fold("Днём Ёлки", morphology_for("ru")) == "днем елки"


def test_locale_falls_back_to_its_language_then_default() -> None:
    assert morphology_for("az_AZ") is morphology_for("az")
    assert morphology_for("pt-BR").family == "default"


def test_scripts_without_spaces_match_inside_words() -> None:
    loaded = parse_glossary("terms:\n  - source: Baku\n    translations:\n      ja: バクー\n")
    assert check_translation(loaded, "in Baku", "首都バクーで", "ja") == []
    assert len(check_translation(loaded, "in Baku", "首都で", "ja")) == 1


MATCHED_FORMS = {
    "az": ["Xocalı", "Bakı", "Ağdam", "Qarabağ", "Heydər Əliyev", "Milli Məclis", "O", "kök", "ayaq"],
    "tr": ["Hocalı", "Bakü", "Dağlık Karabağ", "ayak", "kitap", "ağaç", "(IŞİD)"],
    "ru": ["Ходжалы", "Баку", "Лейла", "Нагорный Карабах", "Гейдар Алиев", "Милли Меджлис", "ира", "США"],
    "ja": ["バクー", "ホジャリ 虐殺"],
    "xx": ["Baku", "News.Az", "Heydar Aliyev Center", "'t Hooft"],
}
INFLECTIONS = ("", "da", "'da", "’nın", "ı", "ğı", "yu", "lar", "larından", "ой", "ом", "ского", "инцы", "о-", "-", "х")


@pytest.mark.parametrize("locale", sorted(MATCHED_FORMS))
def test_forms_are_matched_where_their_regex_matches(locale: str) -> None:
    from l10n_pipeline.glossary_target import _compile_locale
    from l10n_pipeline.morphology import form_pattern

    morphology = morphology_for(locale)
    matchers = _compile_locale(parse_glossary("terms: []"), locale)
    forms = [fold(form, morphology) for form in MATCHED_FORMS[locale]]
    rng = random.Random(locale)
    for derive in (False, True):
        for count in (1, 2, 3):
            chosen = forms[:: count] if count > 1 else forms
            regex = re.compile("|".join(f"(?:{form_pattern(form, morphology, derive=derive)})" for form in sorted(chosen, key=len, reverse=True)))
            matcher = matchers.forms_matcher(chosen, derive=derive)
            for _ in range(300):
                words = [rng.choice(chosen + ["и", "və", "x"]) for _ in range(rng.randrange(1, 5))]
                words = [word[: -rng.randrange(0, 3) or None] + rng.choice(INFLECTIONS) for word in words]
                text = "".join(word + rng.choice((" ", "  ", "-", "", ", ")) for word in words)
                assert matcher.spans(text) == [found.span() for found in regex.finditer(text)], (text, derive)


SCANNED_NAMES = ["Baku", "Heydar Aliyev", "Heydar Aliyev Center", "İzmir", "ıraq", "Türkiye", "(ISIS)", "News.Az", "Jean-Luc", "ſam", "A"]


@pytest.mark.parametrize("case_sensitive", [False, True])
@pytest.mark.parametrize("more_names", [[], ["O’Neil"]])
def test_plain_source_texts_are_scanned_as_the_alternation_scans(case_sensitive: bool, more_names: list[str]) -> None:
    from l10n_pipeline.glossary_source import NOT_AFTER_WORD, NOT_BEFORE_WORD, _spelling_regex, _spelling_scan

    names = sorted(SCANNED_NAMES + more_names, key=len, reverse=True)
    flags = 0 if case_sensitive else re.IGNORECASE
    scan = _spelling_scan(names, flags)
    assert scan.plain is not None
    alternation = re.compile(
        NOT_AFTER_WORD + "(?:" + "|".join(map(_spelling_regex, names)) + ")" + NOT_BEFORE_WORD, flags
    )
    pieces = [*names, *(name.upper() for name in names), *(name.lower() for name in names), "heydar  aliyev", "x", "’", "“", "—"]
    rng = random.Random(3)
    for _ in range(1000):
        text = "".join(rng.choice(pieces) + rng.choice((" ", "", "\u00a0", ", ", "’s ", "-", "\t")) for _ in range(rng.randrange(1, 6)))
        assert list(scan.spans(text)) == [found.span() for found in alternation.finditer(text)], text


# ---------------------------------------------------------------- evaluation on real sentences


@pytest.mark.parametrize("locale", SEEDS_LOCALES)
def test_eval_set_precision_and_recall(glossary: Glossary, locale: str) -> None:
    cases = json.loads((DATA / f"eval_{locale}.json").read_text("utf-8"))
    assert len(cases) >= 40
    true_pos = false_pos = false_neg = 0
    for case in cases:
        flagged = {issue.details["term"] for issue in check_translation(glossary, case["source"], case["target"], locale)}
        expected = set(case["errors"])
        true_pos += len(flagged & expected)
        false_pos += len(flagged - expected)
        false_neg += len(expected - flagged)
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 1.0
    print(f"glossary eval {locale}: {len(cases)} pairs, precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.95
    assert recall >= 0.95


# ---------------------------------------------------------------- robustness and speed


@settings(max_examples=150, deadline=None)
@given(source=st.text(), target=st.text(), locale=st.sampled_from(["az", "ru", "tr", "ur", "ja", "xx"]))
def test_never_raises_on_any_unicode(glossary: Glossary, source: str, target: str, locale: str) -> None:
    check_translation(glossary, source, target, locale)
    check_translation(glossary, "Khojaly and Baku " + source, target, locale)
    glossary_hint(glossary, source, locale)


@settings(max_examples=150, deadline=None)
@given(text=st.text())
def test_any_text_either_parses_or_raises_glossary_error(text: str) -> None:
    try:
        parse_glossary(text)
    except GlossaryError:
        pass


def test_sentences_without_terms_are_cheap(glossary: Glossary) -> None:
    sentence = "The book presentation was met with great interest by many readers."
    check_translation(glossary, sentence, "x", "az")
    started = time.perf_counter()
    for _ in range(2000):
        check_translation(glossary, sentence, "Kitabın təqdimatı böyük maraqla qarşılandı.", "az")
    assert time.perf_counter() - started < 1.0


# ---------------------------------------------------------------- hints and lookup


def test_glossary_hint_lists_each_term_once(glossary: Glossary) -> None:
    source = "Khojaly, the Milli Majlis and Khojaly again; Karabakh."
    assert glossary_hint(glossary, source, "az") == "glossary: Khojaly → Xocalı; Milli Majlis → Milli Məclis; Karabakh → Qarabağ"
    assert glossary_hint(glossary, "Karabakh", "ru") == "glossary: Karabakh → Карабах / Карабахский"
    assert glossary_hint(glossary, "Nothing to see.", "az") is None


def test_lookup_by_source_variant_or_translation(glossary: Glossary) -> None:
    assert lookup_term(glossary, "khodjaly").source == "Khojaly"
    assert lookup_term(glossary, "Гейдар Алиев").source == "Heydar Aliyev"
    assert lookup_term(glossary, "Atlantis") is None


# ---------------------------------------------------------------- exports


def test_tbx_is_valid_tbx_basic(glossary: Glossary) -> None:
    document = etree.fromstring(to_tbx(glossary).encode("utf-8"))
    schema = etree.RelaxNG(etree.parse(str(DATA / "tbx-basic-subset.rng")))
    assert schema.validate(document), schema.error_log
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    entries = document.findall("text/body/termEntry")
    assert len(entries) == len(glossary.terms)
    khojaly = entries[0]
    az = khojaly.find(f"langSet[@{xml_lang}='az']")
    statuses = {tig.findtext("term"): tig.findtext("termNote") for tig in az.findall("tig")}
    assert statuses == {"Xocalı": "preferredTerm-admn-sts", "Xocali": "deprecatedTerm-admn-sts"}
    assert khojaly.findtext("descrip[@type='definition']").startswith("Town in Karabakh")


def test_long_csv_has_one_row_per_form(glossary: Glossary) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(glossary))))
    assert list(rows[0]) == ["source", "locale", "translation", "status", "note"]
    khojaly_az = [(r["translation"], r["status"]) for r in rows if r["source"] == "Khojaly" and r["locale"] == "az"]
    assert khojaly_az == [("Xocalı", "preferred"), ("Xocali", "forbidden")]
    assert ("News.Az", "do-not-translate") in {(r["translation"], r["status"]) for r in rows if r["locale"] == "ru"}


def test_single_locale_csv_reads_as_weblate_bilingual_csv(glossary: Glossary) -> None:
    from translate.storage.csvl10n import csvfile

    store = csvfile(io.BytesIO(to_csv(glossary, "ru").encode("utf-8")))
    pairs = {unit.source: unit.target for unit in store.units}
    assert pairs["Khojaly"] == "Ходжалы"
    assert pairs["Milli Majlis"] == "Милли Меджлис"


# ---------------------------------------------------------------- CLI


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_cli_list_and_lookup(runner: CliRunner) -> None:
    listed = runner.invoke(glossary_app, ["list", "--glossary", str(ROOT / "glossary.yaml")])
    assert listed.exit_code == 0, listed.output
    assert "Khojaly\taz: Xocalı; ru: Ходжалы / Ходжалинский; tr: Hocalı; ur: خوجالی\n" in listed.stdout
    found = runner.invoke(glossary_app, ["lookup", "Hocalı", "--glossary", str(ROOT / "glossary.yaml")])
    assert found.exit_code == 0
    assert "  az never: Xocali" in found.stdout


def test_cli_export_to_file_and_stdout(runner: CliRunner, tmp_path: Path) -> None:
    glossary_path = str(ROOT / "glossary.yaml")
    out = tmp_path / "glossary.tbx"
    written = runner.invoke(glossary_app, ["export", "--format", "tbx", "-o", str(out), "--glossary", glossary_path])
    assert written.exit_code == 0, written.output
    assert written.stdout == ""
    etree.parse(str(out))
    printed = runner.invoke(glossary_app, ["export", "--format", "csv", "--glossary", glossary_path])
    assert printed.stdout.startswith('"source","locale","translation","status","note"\n')
    assert [p.name for p in tmp_path.iterdir()] == ["glossary.tbx"]


def test_cli_uses_glossary_in_current_folder(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "glossary.yaml").write_text("terms:\n  - source: Baku\n    translations: {az: Bakı}\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(glossary_app, ["list"])
    assert result.stdout == "Baku\taz: Bakı\n"


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--glossary", str(DATA / "python_tag.yaml")],
        ["lookup", "Atlantis", "--glossary", str(ROOT / "glossary.yaml")],
        ["export", "--format", "tbx", "--locale", "az", "--glossary", str(ROOT / "glossary.yaml")],
    ],
)
def test_cli_errors_exit_2_with_one_line(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(glossary_app, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: ")
    assert result.stderr.count("\n") == 1


ADJECTIVE_GLOSSARY = """terms:
  - source: Khojaly
    translations: {ru: Ходжалы}
    forbidden: {ru: [Ходжали]}
  - source: Nagorno-Karabakh
    translations: {ru: Нагорный Карабах}
  - source: Baku
    translations: {ru: Баку}
"""


@pytest.mark.parametrize(
    ("source", "target", "accepted"),
    [
        ("the Khojaly genocide", "Ходжалинского геноцида", True),
        ("the Nagorno-Karabakh conflict", "в нагорно-карабахском конфликте", True),
        ("Baku residents", "бакинские жители", True),
        ("the Khojaly genocide", "Ходжалийского геноцида", False),
        ("the Khojaly people", "ходжалинцы", True),
        ("Baku residents", "бакинцев", True),
        ("Khojaly", "Ходжалийцы", False),
        ("Khojaly", "Ходжали", False),
    ],
)
def test_russian_accepts_words_derived_from_an_approved_name(source, target, accepted) -> None:
    glossary = parse_glossary(ADJECTIVE_GLOSSARY)
    assert (check_translation(glossary, source, target, "ru") == []) is accepted


# ---------------------------------------------------------------- findings stay the same

FINDINGS = DATA / "findings.json"
BENCHMARK_ENTRIES = 2000
MIXED = 300
SUFFIXES = ("", "da", "'da", "’nın", "nin", "ı", "lar", "ой", "ом", "е", "ского", "ğa")


def _findings(glossary: Glossary, pairs: list[tuple[str, str]], locale: str) -> dict[str, Any]:
    """The issue messages per pair that has any, and a digest of every issue's details and source term."""
    messages, everything = [], []
    for index, (source, target) in enumerate(pairs):
        checked = check_translation(glossary, source, target, locale)
        terms = [[m.term.source, m.start, m.end, m.text, m.is_variant] for m in find_terms(glossary, source)]
        everything.append([[[issue.message, issue.details] for issue in checked], terms])
        if checked:
            messages.append([index, [issue.message for issue in checked]])
    digest = hashlib.sha256(json.dumps(everything, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
    return {"pairs": len(pairs), "messages": messages, "sha256": digest}


def _catalog_pairs(path: Path) -> list[tuple[str, str]]:
    pairs = []
    for entry in polib.pofile(str(path)):
        targets = list(entry.msgstr_plural.values()) if entry.msgstr_plural else [entry.msgstr]
        pairs += [(entry.msgid, target) for target in targets]
    return pairs


def _tsv_pairs(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["source"], row["target"]) for row in csv.DictReader(handle, delimiter="\t")]


def _mixed_pairs(glossary: Glossary, locale: str, count: int, seed: int) -> list[tuple[str, str]]:
    """Sentences that mix approved, forbidden and source forms with suffixes, odd case and overlaps."""
    rng = random.Random(seed)
    forms = [
        form
        for term in glossary.terms
        for form in (*term.names, *term.translations.get(locale, ()), *term.forbidden.get(locale, ()))
    ]
    pairs = []
    for _ in range(count):
        terms = rng.sample(glossary.terms, rng.randrange(0, 4))
        source = " and ".join(rng.choice(term.names) for term in terms) or "Nothing here"
        words = [rng.choice(forms) + rng.choice(SUFFIXES) for _ in range(rng.randrange(0, 5))]
        words = [rng.choice((str.upper, str.lower, str.title, str))(word) for word in words]
        glue = rng.choice((" ", " və ", "-", ", ", ""))
        pairs.append((source, glue.join(words) or "."))
    return pairs


def _load_benchmark_generator():
    path = ROOT / "benchmarks" / "generate.py"
    spec = importlib.util.spec_from_file_location("bench_generate", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def findings_of_every_input(benchmark: Path) -> dict[str, dict[str, Any]]:
    """Glossary findings on the bundled catalogs, holdout and eval sets, mixed sentences and a benchmark corpus."""
    bundled = load_glossary(ROOT / "glossary.yaml")
    holdout = load_glossary(DATA / "holdout_glossary.yaml")
    _load_benchmark_generator().write_catalog_corpus(benchmark, BENCHMARK_ENTRIES)
    generated = load_glossary(benchmark / "glossary.yaml")
    found: dict[str, dict[str, Any]] = {}
    for locale in SEEDS_LOCALES:
        catalog = ROOT / "locales" / locale / "LC_MESSAGES" / "articles.po"
        evaluated = json.loads((DATA / f"eval_{locale}.json").read_text("utf-8"))
        found[f"bundled:{locale}"] = _findings(bundled, _catalog_pairs(catalog), locale)
        found[f"holdout:{locale}"] = _findings(holdout, _tsv_pairs(DATA / f"holdout_{locale}.tsv"), locale)
        found[f"eval:{locale}"] = _findings(bundled, [(c["source"], c["target"]) for c in evaluated], locale)
        found[f"mixed:{locale}"] = _findings(bundled, _mixed_pairs(bundled, locale, MIXED, seed=len(found)), locale)
        found[f"mixed-benchmark:{locale}"] = _findings(generated, _mixed_pairs(generated, locale, MIXED, seed=7), locale)
        found[f"benchmark:{locale}"] = _findings(generated, _catalog_pairs(benchmark / f"{locale}.po"), locale)
    return found


def test_findings_on_every_input_stay_the_same(tmp_path: Path) -> None:
    expected = json.loads(FINDINGS.read_text("utf-8"))
    actual = json.loads(json.dumps(findings_of_every_input(tmp_path / "benchmark"), ensure_ascii=False))
    assert actual.keys() == expected.keys()
    for name, before in expected.items():
        assert actual[name]["pairs"] == before["pairs"], name
        assert actual[name]["messages"] == before["messages"], name
        assert actual[name]["sha256"] == before["sha256"], f"{name}: the same messages, other details or terms"


if __name__ == "__main__":  # regenerate the fixture only when a change of findings is intended
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        findings = findings_of_every_input(Path(folder) / "benchmark")
    FINDINGS.write_text(json.dumps(findings, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
