"""A shortcut for the common sentence whose numbers are bare numerals among ordinary words.

When every word of a text is inert (it can neither open a mention nor qualify a number beside
it) and every digit string stands alone between spaces and plain punctuation, the full reader
would find exactly one plain count per digit string. Two such texts agree when their values
agree as multisets; only then is the shortcut's answer used, otherwise the full reader explains.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

from . import lexicon
from .locale_data import LocaleData
from .numeral import read_numeral
from .text import DIGIT_FORMS, LETTER, MARKS, NUMERAL, fold
from .words import normalise_word, number_word_table

ROMAN_CHARS = frozenset("IVXLCDMІХСМİ")
ROMAN_IVX = frozenset("IVX")
ROMAN_LETTERS = str.maketrans("ІХСМİ", "IXCMI")
LOWERCASE = "abcdefghijklmnopqrstuvwxyzàâçèéêëîïôûüᵉ"
STRICT_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
RU_COMPOUND = re.compile(r"^(\w{3,}?)(?:летн|лети|дневн|месячн|кратн|этажн)\w*$")

# The digit forms of the tokenizer, tried in its order: a match that is not a plain numeral
# (a date, a time, a fraction with a slash) sends the text to the full reader.
DIGIT_TOKEN = re.compile(DIGIT_FORMS + NUMERAL, re.X)
FIRST_DIGIT = re.compile(r"\d")
WORD = re.compile(rf"{LETTER}[\w{MARKS}]*(?:['-][\w{MARKS}]+)*")
# Anything that can carry meaning next to a number: currency and percent signs, slashes, signs.
UNSAFE_CHAR = re.compile(r"""[^\w\s.,;!?"()«»“”„'\-–:\[\]]|_""")
OPENING = frozenset(" \t\n\r\u00a0\u202f\u2009\"(«“„[")
CLOSING = frozenset(" \t\n\r\u00a0\u202f\u2009.,;!?\")»”]")
RANGE_OR_SCORE_AFTER = re.compile(r"\s?[-–:]")


# What a word can do to the numbers of its text.
# Each role alone is harmless except ACTIVE; a text with both roles of a pair may form a mention.
INERT, ROMAN_BESIDE_CENTURY, CENTURY_WORD, ACTIVE, PHRASE_START, PHRASE_PART = 0, 1, 2, 4, 8, 16
HARMFUL_PAIRS = (ROMAN_BESIDE_CENTURY | CENTURY_WORD, PHRASE_START | PHRASE_PART)


def plain_values(text: str, data: LocaleData) -> tuple[Decimal, ...] | None:
    """Sorted values of ``text`` when it holds only bare numerals among inert words, else None."""
    folded = fold(text)
    # UNSAFE_CHAR covers every protected mark (URL, tag, phone) but the "www." of a bare address.
    if folded.offsets or UNSAFE_CHAR.search(folded.text) or "www." in folded.text:
        return None
    text = folded.text
    if not _inert_words(text, data):
        return None
    values = []
    for match in _digit_tokens(text):
        if match.lastgroup != "num" or not _stands_alone(text, match.start(), match.end()):
            return None
        values.append(read_numeral(match.group(), data)[0])
    values.sort()
    return tuple(values)


def _inert_words(text: str, data: LocaleData) -> bool:
    """No word of ``text`` is active, and no two words form a harmful pair."""
    roles = data.memo_table("word-role")
    known = roles.get
    seen = INERT
    for word in WORD.findall(text):
        role = known(word)
        if role is None:
            role = roles[word] = word_role(word, data)
        seen |= role  # type: ignore[operator]
    return not seen & ACTIVE and all(seen & pair != pair for pair in HARMFUL_PAIRS)


def _digit_tokens(text: str) -> Iterator[re.Match[str]]:
    """``DIGIT_TOKEN.finditer``, but jumping from digit to digit: most of a sentence has none."""
    position = 0
    while digit := FIRST_DIGIT.search(text, position):
        match = DIGIT_TOKEN.match(text, digit.start())
        if match is None:  # every digit starts a numeral; kept for safety
            return
        yield match
        position = match.end()


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Nothing glued on either side, and no dash or colon that could make a range or a score."""
    if start > 0 and text[start - 1] not in OPENING:
        return False
    if end < len(text) and text[end] not in CLOSING:
        return False
    return not RANGE_OR_SCORE_AFTER.match(text, end)


def word_role(word: str, data: LocaleData) -> int:
    """ACTIVE for a word that opens a mention or qualifies a number next to it.

    Some words matter only beside another kind: a lone Roman letter (``C``, ``М``) is a numeral
    only beside a century word, and a word that starts number phrases without being a number
    itself only with a word that continues them ("and" in "one hundred and five"). Vague
    quantifiers emit nothing and never swallow a digit string, so they are inert unless they
    double as scale words.
    """
    if _opens_mention(word, data) or _qualifies_numbers(word, data):
        return ACTIVE
    role = _roman_reading(word, data)
    folded = word.casefold()
    if any(folded.startswith(w.rstrip(".")) for w in data.century_words):
        role |= CENTURY_WORD
    parts = normalise_word(word).split()
    if not data.words.glued and parts:
        if parts[0] in data.words.starters:
            role |= PHRASE_START
        if not _continuations(data.lang).isdisjoint(parts):
            role |= PHRASE_PART
    return role


def _roman_reading(word: str, data: LocaleData) -> int:
    """What the reader's Roman check makes of a word, without its neighbours."""
    if not ROMAN_CHARS.intersection(word):
        return INERT
    numeral = word.rstrip(LOWERCASE)
    suffix = word[len(numeral):]
    letters = numeral.translate(ROMAN_LETTERS)
    if numeral and set(numeral) <= ROMAN_CHARS and (not suffix or data.is_ordinal_suffix(suffix)) \
            and STRICT_ROMAN.fullmatch(letters):
        return ACTIVE if len(letters) >= 2 and set(letters) <= ROMAN_IVX else ROMAN_BESIDE_CENTURY
    parts = [(part, part.translate(ROMAN_LETTERS)) for part in word.split("-")]
    if "-" in word and all(part and set(part) <= ROMAN_CHARS and STRICT_ROMAN.fullmatch(letters)
                           for part, letters in parts):
        return ACTIVE
    return INERT


def _opens_mention(word: str, data: LocaleData) -> bool:
    """Number words (with halves), Russian number compounds, month names and scale words."""
    folded = normalise_word(word)
    parts = folded.split() or [""]
    table = data.words
    if table.lookup(parts[:1]) is not None or table.lookup(parts) is not None:
        return True
    if parts[0] in table.starters and (table.glued or len(parts) > 1):
        return True
    if data.lang == "ru" and RU_COMPOUND.match(parts[0]):
        return True
    return bool(data.month_of(word) or data.persian_months.get(word) or data.scale_of(word)
                or data.abbreviation_scale(word) or data.half_number(word))


@lru_cache(maxsize=32)
def _continuations(lang: str) -> frozenset[str]:
    """Words that continue a number phrase ("hundred" in "a hundred", "iki" in "on iki")."""
    entries = number_word_table(lang).entries
    return frozenset(part for key in entries for part in key.split()[1:])


def _qualifies_numbers(word: str, data: LocaleData) -> bool:
    """Percent words, currency names and codes."""
    folded = word.casefold()
    if folded in data.percent_before or _opens_percent_phrase(folded, data):
        return True
    return word.upper() in lexicon.CURRENCY_HOMES or bool(data.currency_of_word(word))


def _opens_percent_phrase(folded: str, data: LocaleData) -> bool:
    for phrase in data.percent_after:
        first = phrase.split()[0].rstrip(".")
        if folded == first or (folded.startswith(first) and len(folded) - len(first) <= 3):
            return True
    return False
