"""Numbers in running text, read per locale: values, comparison, hints for translators.

>>> [str(m.value) for m in read_numbers("1.275 nəfər, 85 mindən çox", "az")]
['1275', '85000']
>>> numbers_hint("613 killed on the night of February 25-26, 1992")
'613, 1992-02-25..26'
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..models import Issue
from .compare import COMPARED, Comparison
from .hint import hint_text
from .locale_data import LocaleData, locale_data, number_vocabulary
from .mention import NumberMention, plain
from .quick import QuickReading, quick_keys
from .reader import TextReader
from .text import MARKS
from .words import normalise_word

__all__ = ["NumberMention", "compare_numbers", "numbers_hint", "numbers_signature", "read_numbers"]

WORD_RUNS = re.compile(rf"(?:[^\W\d_]|[{MARKS}])+")
ANY_DIGIT = re.compile(r"\d")
RU_COMPOUND_ANYWHERE = re.compile(r"\w{3}(?:летн|лети|дневн|месячн)", re.IGNORECASE)
ROMAN_PAIR = re.compile(r"[IVXLCІХС]{2}|[IVXLCDMІХСМ](?:\s|\.\s)\w")


def read_numbers(text: str, locale: str) -> list[NumberMention]:
    """Every number mention in ``text`` as ``locale`` writes numbers; never raises."""
    return list(_read_cached(text, locale))


@lru_cache(maxsize=4096)
def _read_cached(text: str, locale: str) -> tuple[NumberMention, ...]:
    data = locale_data(locale)
    if not _may_hold_numbers(text, data):
        return ()
    try:
        return tuple(TextReader(text, data).read())
    except (ValueError, ArithmeticError, IndexError, KeyError):  # a malformed corner of input
        return ()


@lru_cache(maxsize=4096)
def _quick_cached(text: str, locale: str) -> QuickReading | None:
    return quick_keys(text, locale_data(locale))


def _may_hold_numbers(text: str, data: LocaleData) -> bool:
    """Cheap pre-check: digits, Roman letters, or a word that can start a number."""
    if ANY_DIGIT.search(text) or ROMAN_PAIR.search(text):
        return True
    if data.lang == "ru" and RU_COMPOUND_ANYWHERE.search(text):
        return True
    vocabulary, scale_prefixes = number_vocabulary(data.locale)
    words = (normalise_word(run) for run in WORD_RUNS.findall(text))  # "İkinci" folds to "ikinci"
    return any(word in vocabulary or word[:4] in scale_prefixes or word[:3] in scale_prefixes
               for word in words)


def compare_numbers(source: str, target: str, target_locale: str,
                    source_locale: str = "en") -> list[Issue]:
    """Issues for numbers missing, added or changed between a source and its translation."""
    source_keys = _quick_cached(source, source_locale)
    if source_keys is not None and source_keys == quick_keys(target, locale_data(target_locale)):
        return []
    return Comparison(read_numbers(source, source_locale), read_numbers(target, target_locale),
                      target_locale).run()


def numbers_hint(text: str, locale: str = "en") -> str | None:
    """The numbers of ``text`` as a short list for a translator comment; None when there are none."""
    return hint_text(read_numbers(text, locale))


def numbers_signature(text: str, locale: str) -> tuple[tuple[str, str], ...]:
    """Sorted multiset of the hard values of ``text``: equal across locales when numbers agree."""
    return tuple(sorted((plain(m.value), m.cls) for m in read_numbers(text, locale)
                        if m.hard and m.cls in COMPARED))
