"""Per-locale reading data, built once and lazily: symbols, scale words, months, currencies.

Facts come from CLDR through Babel; ``lexicon.py`` fills only what CLDR lacks.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.numbers import get_currency_symbol

from . import lexicon
from .text import LETTER
from .words import NumberWordTable, normalise_word, number_word_table, scale_word_forms

MEMO_LIMIT = 100_000
SCALE_OPENING = 4  # "milyon" → "mily", "min" stays whole
HEAD_FIRST_LANGS = frozenset({"ru", "uk", "fr", "es", "it", "pt", "ar", "fa"})
ADJECTIVE_ENDINGS = ("ск", "цк", "ских", "цких", "ского", "цкого", "ской", "цкой", "ский", "цкий", "ian")
SPACE_GROUPS = frozenset(" \u00a0\u202f\u2009")
TURKIC = frozenset({"az", "tr"})
RU_MONTH_ENDINGS = ("", "ь", "я", "е", "ю", "ем", "ём", "й", "а", "у", "ом")
# Case and possessive endings glued to a word in az/tr ("mindən", "fevralın", "Şubat'ı").
TURKIC_ENDING = re.compile(
    r"['’]?(?:[iıuü]?n?)?(?:[dt][aeə]n?|[aeə]|[iıuü]|l[iıuü][kqğ]|l[aeə]r|n[iıuü]n|y[aeəiıuü]"
    r"|s[iıuü]|d[iıuü]r)?(?:[dt][aeə]n?|[iıuü]n?)?"
)


@dataclass(frozen=True)
class LocaleData:
    """Everything the reader needs to know about one locale."""

    locale: str
    lang: str
    decimals: frozenset[str]
    groups: frozenset[str]
    scale_words: dict[str, int]  # casefolded long forms
    scale_singular: frozenset[str]
    scale_abbreviations: dict[str, int]  # case-sensitive short forms, without trailing dot
    months: dict[str, int]  # casefolded exact forms
    month_stems: tuple[tuple[str, int], ...]  # longest first
    persian_months: dict[str, int]
    currency_symbols: dict[str, str]
    currency_stems: tuple[tuple[str, str], ...]
    percent_after: tuple[str, ...]
    percent_before: tuple[str, ...]
    vague: frozenset[str]
    vague_phrases: tuple[tuple[str, ...], ...]
    ordinal_suffixes: frozenset[str]
    century_words: tuple[str, ...]
    words: NumberWordTable
    short_date_order: str  # "dmy", "mdy" or "ymd"
    memo: dict[tuple[str, str], object] = field(default_factory=dict, compare=False, hash=False)
    tables: dict[str, dict[str, object]] = field(default_factory=dict, compare=False, hash=False)

    @property
    def turkic(self) -> bool:
        return self.lang in TURKIC

    def scale_of(self, word: str) -> int | None:
        """The multiplier a (possibly inflected) scale word stands for."""
        return self.memoised("scale", word, self._scale_of)  # type: ignore[return-value]

    def month_of(self, word: str) -> int | None:
        """The month number of a month name in any grammatical form, or None."""
        return self.memoised("month", word, self._month_of)  # type: ignore[return-value]

    def currency_of_word(self, word: str) -> str | None:
        """The ISO code a currency name or code stands for ("dolları" → USD)."""
        return self.memoised("currency", word, self._currency_of_word)  # type: ignore[return-value]

    def half_number(self, word: str) -> Decimal | None:
        """The value of one word holding a half: ru "полторы" = 1.5, "полмиллиона" = 500000."""
        return self.memoised("half", word, self._half_number)  # type: ignore[return-value]

    def memoised(self, table: str, word: str, compute: Callable[[str], object]) -> object:
        """``compute(word)``, remembered per locale under ``table``."""
        key = (table, word)
        if key not in self.memo:
            if len(self.memo) > MEMO_LIMIT:
                self.memo.clear()
            self.memo[key] = compute(word)
        return self.memo[key]

    def memo_table(self, name: str) -> dict[str, object]:
        """A per-locale cache of one kind of per-word answer, emptied when it grows too large."""
        table = self.tables.setdefault(name, {})
        if len(table) > MEMO_LIMIT:
            table.clear()
        return table

    def _scale_of(self, word: str) -> int | None:
        folded = word.casefold().rstrip(".")
        if folded in self.scale_words:
            return self.scale_words[folded]
        if self.turkic:
            for form, value in self.scale_words.items():
                if folded.startswith(form) and TURKIC_ENDING.fullmatch(folded[len(form):]):
                    return value
        return None

    def _half_number(self, word: str) -> Decimal | None:
        folded = normalise_word(word)
        if folded in lexicon.ONE_AND_A_HALF.get(self.lang, ()):
            return Decimal("1.5")
        for prefix in lexicon.HALF_PREFIXES.get(self.lang, ()):
            scale = self.scale_of(folded[len(prefix):]) if folded.startswith(prefix) else None
            if scale:
                return Decimal(scale) / 2
        return None

    def abbreviation_scale(self, word: str) -> int | None:
        """The multiplier of a short scale form such as ``mln`` or ``B``."""
        bare = word.rstrip(".")
        return self.scale_abbreviations.get(bare) or self.scale_abbreviations.get(bare.casefold())

    def _month_of(self, word: str) -> int | None:
        folded = word.casefold().rstrip(".")
        if folded in self.months:
            return self.months[folded]
        for stem, month in self.month_stems:
            if folded.startswith(stem) and self._month_ending_ok(folded[len(stem):]):
                return month
        return None

    def _month_ending_ok(self, rest: str) -> bool:
        if self.lang == "ru":
            return rest in RU_MONTH_ENDINGS
        if self.turkic:
            return bool(TURKIC_ENDING.fullmatch(rest))
        return rest == ""

    def _currency_of_word(self, word: str) -> str | None:
        if word.upper() in lexicon.CURRENCY_HOMES and word.isupper():
            return word.upper()
        folded = word.casefold().rsplit("-", 1)[-1]  # "US-Dollar"
        for stem, code in self.currency_stems:
            if folded.startswith(stem) and len(folded) - len(stem) <= 4:
                return code
        return None

    def is_ordinal_suffix(self, suffix: str) -> bool:
        return suffix.casefold() in self.ordinal_suffixes


def base_language(locale: str) -> str:
    return re.split(r"[_\-@]", locale or "en")[0].lower() or "en"


@lru_cache(maxsize=32)
def locale_data(locale: str) -> LocaleData:
    """Reading data for ``locale`` (cached; unknown locales fall back to their language or en)."""
    babel_locale = _babel_locale(locale)
    lang = base_language(locale)
    decimals, groups = _separators(babel_locale)
    scale_words, singular, abbreviations = _scales(babel_locale, lang)
    months, stems = _months(babel_locale, lang)
    vague = tuple(word.casefold() for word in lexicon.VAGUE_WORDS.get(lang, ()))
    return LocaleData(
        locale=locale,
        lang=lang,
        decimals=decimals,
        groups=groups,
        scale_words=scale_words,
        scale_singular=singular,
        scale_abbreviations=abbreviations,
        months=months,
        month_stems=stems,
        persian_months={name: i for i, name in enumerate(lexicon.PERSIAN_MONTHS, 1)}
        if lang == "fa" else {},
        currency_symbols=_currency_symbols(babel_locale),
        currency_stems=_currency_stems(babel_locale),
        percent_after=lexicon.PERCENT_WORDS_AFTER.get(lang, ()),
        percent_before=lexicon.PERCENT_WORDS_BEFORE.get(lang, ()),
        vague=frozenset(v for v in vague if " " not in v),
        vague_phrases=tuple(tuple(v.split()) for v in vague if " " in v),
        ordinal_suffixes=frozenset(lexicon.ORDINAL_SUFFIXES.get(lang, ())),
        century_words=lexicon.CENTURY_WORDS.get(lang, ()),
        words=number_word_table(lang),
        short_date_order=_short_date_order(babel_locale),
    )


@lru_cache(maxsize=32)
def number_vocabulary(locale: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words a number can start with, and the openings (3-4 letters) of inflected scale words."""
    data = locale_data(locale)
    words = set(data.words.starters) | set(data.scale_words) | set(_half_words(data))
    return frozenset(words), frozenset(word[:SCALE_OPENING] for word in data.scale_words)


def _half_words(data: LocaleData) -> list[str]:
    """Single words holding a half ("полторы", "полмиллиона"), in every form of the scale word."""
    prefixes = lexicon.HALF_PREFIXES.get(data.lang, ())
    prefixed = [prefix + scale for prefix in prefixes for scale in data.scale_words]
    return [*lexicon.ONE_AND_A_HALF.get(data.lang, ()), *prefixed]


def _babel_locale(locale: str) -> Locale:
    for candidate in (locale, base_language(locale), "en"):
        try:
            return Locale.parse(candidate.replace("-", "_"))
        except (UnknownLocaleError, ValueError, TypeError):
            continue
    raise AssertionError("Babel always knows en")


def _separators(babel_locale: Locale) -> tuple[frozenset[str], frozenset[str]]:
    """Decimal and group symbols of the latn and the default numbering systems."""
    systems = {"latn", babel_locale.default_numbering_system or "latn"}
    systems |= set(babel_locale.other_numbering_systems.get("native", "latn").split())
    decimals, groups = set(), set()
    for system in systems:
        try:
            symbols = babel_locale.number_symbols[system]
            decimals.add(symbols["decimal"].strip("\u200e\u200f\u061c"))
            groups.add(symbols["group"].strip("\u200e\u200f\u061c"))
        except KeyError:
            continue
    return frozenset(decimals), frozenset(groups) | SPACE_GROUPS


def _scales(babel_locale: Locale, lang: str) -> tuple[dict[str, int], frozenset[str], dict[str, int]]:
    """Long scale words (all plural forms and cases) and short abbreviations."""
    words: dict[str, int] = {}
    abbreviations: dict[str, int] = {}
    singular: set[str] = set()
    for form in ("long", "short"):
        for plural, patterns in babel_locale.compact_decimal_formats.get(form, {}).items():
            for magnitude, pattern in patterns.items():
                text = str(getattr(pattern, "pattern", pattern))
                zeros = text.count("0")
                value = int(magnitude) // 10 ** max(zeros - 1, 0)
                word = unicodedata.normalize("NFC", text.replace("0", "").replace("'", "")).strip()
                if not word or value < 1000 or str(value).rstrip("0") != "1":
                    continue
                if form == "long" and not word.isupper():
                    words[word.casefold()] = value
                    if plural == "one":
                        singular.add(word.casefold())
                else:
                    abbreviations[word.rstrip(".")] = value
    for word, value, is_singular in scale_word_forms(lang):
        words.setdefault(word, value)
        if is_singular:
            singular.add(word)
    for word, value in lexicon.EXTRA_SCALES.get(lang, {}).items():
        abbreviations[word.rstrip(".")] = value
    return words, frozenset(singular), abbreviations


def _months(babel_locale: Locale, lang: str) -> tuple[dict[str, int], tuple[tuple[str, int], ...]]:
    """Month names from the 'format' context only: reading 'stand-alone' leaks across locales."""
    exact: dict[str, int] = {}
    stems: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for number, name in babel_locale.months["format"][width].items():
            folded = unicodedata.normalize("NFC", name).casefold().rstrip(".")
            exact[folded] = number
            stem = folded.rstrip("аеиоуыэюяьй") if lang == "ru" else folded
            if width == "wide" or lang in TURKIC:
                stems.setdefault(stem, number)
    ordered = tuple(sorted(stems.items(), key=lambda item: -len(item[0])))
    return exact, ordered


def _currency_symbols(babel_locale: Locale) -> dict[str, str]:
    symbols: dict[str, str] = {}
    for code, home in reversed(lexicon.CURRENCY_HOMES.items()):
        for where in (home, babel_locale):
            try:
                symbol = get_currency_symbol(code, locale=where)
            except (UnknownLocaleError, ValueError):
                continue
            if symbol and not symbol.isalpha():
                symbols[symbol] = code
    symbols["$"] = "USD"
    return symbols


def _currency_stems(babel_locale: Locale) -> tuple[tuple[str, str], ...]:
    """The head noun of each currency name ("dolları", "манат"), trimmed to a stem.

    The head is the word shared by most currencies (dollar, manat, рубль); words naming a
    country or its people ("Azerbaijani", "ABŞ", ur ترکی) are not heads, so "Russian" alone
    is never a currency.
    """
    plural_names = babel_locale._data.get("currency_names_plural", {})
    variants: dict[str, list[str]] = {
        code: [name, *plural_names.get(code, {}).values()]
        for code, name in babel_locale.currencies.items()}
    codes_per_stem: dict[str, set[str]] = {}
    for code, names in variants.items():
        for word in {w for name in names for w in _words(name)}:
            codes_per_stem.setdefault(_stem(word), set()).add(code)
    territories = [t.casefold() for t in (*babel_locale.territories.values(), *babel_locale.languages.values())]
    stems: dict[str, str] = {}
    head_first = base_language(str(babel_locale)) in HEAD_FIRST_LANGS
    for code in lexicon.NAMED_CURRENCIES:
        for name in variants.get(code, []):
            words = _words(name)
            candidates = [_stem(w) for w in words
                          if len(words) == 1 or not _names_country(_stem(w), territories)]
            if not candidates:
                continue
            order = {stem: (-i if head_first else i) for i, stem in enumerate(candidates)}
            head = max(candidates, key=lambda stem: (len(codes_per_stem[stem]), order[stem]))
            stems.setdefault(head, code)
    return tuple(sorted(stems.items(), key=lambda item: -len(item[0])))


def _names_country(stem: str, territories: list[str]) -> bool:
    """A word built on a country name ("azerbaijani", "kazakhstani") or a Russian adjective."""
    if stem.endswith(ADJECTIVE_ENDINGS):
        return True
    return any(len(t) >= 4 and stem.startswith(t) for t in territories)


def _words(name: str) -> list[str]:
    folded = unicodedata.normalize("NFC", name).casefold()
    return [w for w in re.findall(LETTER + "+", folded) if len(w) >= 3]


def _stem(word: str) -> str:
    stem = word.rstrip("aeiouıəüöаеиоуыэюяьй")
    return stem if len(stem) >= 4 else word


def _short_date_order(babel_locale: Locale) -> str:
    pattern = babel_locale.date_formats["short"].pattern
    order = "".join(dict.fromkeys(ch.lower() for ch in pattern if ch in "dMy"))
    return order if sorted(order) == ["d", "m", "y"] else "dmy"
