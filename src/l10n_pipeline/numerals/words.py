"""Number words: reverse tables built once from num2words (0..1000), hand lexicons elsewhere."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from num2words import num2words

from . import lexicon

NUM2WORDS_LANGS = frozenset({"en", "az", "tr", "ru", "de", "fr", "ar", "fa"})
GLUED_LANGS = frozenset({"tr", "de"})  # num2words glues compounds; writers often do not
RU_CASES = "ngdaip"
RU_GENDERS = "mfn"
TABLE_LIMIT = 1000
SCALES = (10**3, 10**6, 10**9, 10**12)


@dataclass(frozen=True)
class NumberWordTable:
    """Normalised phrase → (value, is_ordinal), with what a phrase may start with."""

    entries: dict[str, tuple[int, bool]]
    starters: frozenset[str]
    glued: bool
    max_words: int
    ambiguous: frozenset[str] = frozenset()  # number words that are also common other words

    def lookup(self, words: list[str]) -> tuple[int, bool] | None:
        """The value of a phrase given as normalised words, or None."""
        key = "".join(words) if self.glued else " ".join(words)
        return self.entries.get(key)


@lru_cache(maxsize=65536)
def normalise_word(word: str) -> str:
    """Casefold, drop the dot of 'İ', fold 'ё' and treat hyphens as spaces."""
    return unicodedata.normalize("NFC", word).casefold().replace("\u0307", "").replace("ё", "е").replace("-", " ")


def _phrase_key(phrase: str, glued: bool) -> str:
    words = normalise_word(phrase).split()
    return "".join(words) if glued else " ".join(words)


@lru_cache(maxsize=16)
def number_word_table(lang: str) -> NumberWordTable:
    """Reverse table for ``lang``; built at first use of the language."""
    glued = lang in GLUED_LANGS
    entries: dict[str, tuple[int, bool]] = {}
    for phrase, value, ordinal in _phrases(lang):
        key = _phrase_key(phrase, glued)
        if key and (key not in entries or not entries[key][1]):
            entries.setdefault(key, (value, ordinal))
    for phrase, value, ordinal in _hand_phrases(lang):
        entries.setdefault(_phrase_key(phrase, glued), (value, ordinal))
    starters = {key.split()[0] for key in entries if key}
    if glued:
        starters |= {_phrase_key(num2words(n, lang=lang), glued) for n in _atoms()}
    max_words = max((len(normalise_word(p).split()) for p, _, _ in _phrases(lang)), default=1)
    ambiguous = frozenset(normalise_word(w) for w in lexicon.AMBIGUOUS_NUMBER_WORDS.get(lang, ()))
    return NumberWordTable(entries, frozenset(starters), glued, max(1, max_words), ambiguous)


def _hand_phrases(lang: str) -> list[tuple[str, int, bool]]:
    """Cardinals of the hand lexicon, their irregular ordinals and the regular ordinal endings."""
    cardinals = lexicon.HAND_NUMBER_WORDS.get(lang, {})
    phrases = [(word, value, False) for word, value in cardinals.items()]
    phrases += [(word, value, True) for word, value in lexicon.HAND_ORDINAL_WORDS.get(lang, {}).items()]
    phrases += [(word + ending, value, True) for word, value in cardinals.items() if value >= 5
                for ending in lexicon.REGULAR_ORDINAL_ENDINGS.get(lang, ())]
    return phrases


def _atoms() -> list[int]:
    return list(range(0, 21)) + list(range(30, 100, 10)) + list(range(100, 1001, 100))


def _phrases(lang: str) -> list[tuple[str, int, bool]]:
    if lang not in NUM2WORDS_LANGS:
        return []
    return list(_cached_phrases(lang))


@lru_cache(maxsize=16)
def _cached_phrases(lang: str) -> tuple[tuple[str, int, bool], ...]:
    phrases: list[tuple[str, int, bool]] = []
    for number in range(0, TABLE_LIMIT + 1):
        for to, ordinal in (("cardinal", False), ("ordinal", True)):
            if ordinal and number == 0:
                continue
            for kwargs in _variants(lang, number, ordinal):
                try:
                    phrases.append((num2words(number, lang=lang, to=to, **kwargs), number, ordinal))
                except (NotImplementedError, TypeError, ValueError, KeyError, IndexError):
                    continue
    return tuple(phrases)


def _variants(lang: str, number: int = 1, ordinal: bool = False) -> list[dict[str, object]]:
    """num2words options that change the written form: Russian case, gender and number."""
    if lang != "ru":
        return [{}]
    gendered = ordinal or (number % 10 in (1, 2) and number % 100 not in (11, 12))
    genders = RU_GENDERS if gendered else "m"
    variants: list[dict[str, object]] = [
        {"case": c, "gender": g} for c, g in product(RU_CASES, genders)]
    if ordinal or number % 10 == 1:
        variants += [{"case": c, "plural": True} for c in RU_CASES]
    return variants


@lru_cache(maxsize=16)
def scale_word_forms(lang: str) -> tuple[tuple[str, int, bool], ...]:
    """Every inflected form of thousand/million/billion/trillion num2words writes for ``lang``."""
    if lang not in NUM2WORDS_LANGS:
        return ()
    forms: dict[str, tuple[int, bool]] = {}
    for scale in SCALES:
        for count in (1,) if lang in GLUED_LANGS else (1, 2, 5):
            for kwargs in _variants(lang, count):
                try:
                    phrase = num2words(scale * count, lang=lang, **kwargs)
                except (NotImplementedError, TypeError, ValueError, KeyError, IndexError):
                    continue
                last = normalise_word(re.split(r"[\s\-]+", phrase.strip())[-1])
                if lang in GLUED_LANGS and count == 1 and " " not in phrase:
                    last = _strip_leading_one(last, lang)
                if last and last.isalpha():
                    forms.setdefault(last, (scale, count == 1))
    return tuple((word, value, singular) for word, (value, singular) in forms.items())


def _strip_leading_one(word: str, lang: str) -> str:
    one = normalise_word(num2words(1, lang=lang))
    return word[len(one):] if word.startswith(one) and len(word) > len(one) + 2 else word
