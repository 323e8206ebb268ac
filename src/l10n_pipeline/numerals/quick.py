"""A shortcut for the common sentence whose numbers are read the same way in any context.

When every word of a text is inert (it can neither open a mention nor qualify a number beside
it), the full reader finds exactly one mention per digit string and per Roman numeral, and the
shortcut knows which. A digit string counts when it stands among spaces and plain punctuation,
where the reader sees it as follows:

- ``1,275`` alone: a count (the value as the locale reads it);
- ``59th``, ``59-cu``, ``1957-ci``, ``%67,4'i``: an ending glued after it, which the reader takes
  into the mention without changing its value (an ordinal or a case ending);
- ``67.4%``, ``67,4 %``, ``%67,4``: a percent sign glued before it or right after it (after one
  space at most), which makes it a percentage;
- ``XXI``: a Roman numeral of two letters or more from I, V and X, a count with or without a
  century word beside it.

Anything else (a sign, a range dash, a currency, a percent sign the reader might take for another
number, a web address) sends the text to the full reader. Two texts agree when their keys agree
as multisets; only then is the shortcut's answer used, otherwise the full reader explains.
"""

from __future__ import annotations

import re
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
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
LOWERCASE = "abcdefghijklmnopqrstuvwxyzàâçèéêëîïôûüᵉ"
STRICT_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
RU_COMPOUND = re.compile(r"^(\w{3,}?)(?:летн|лети|дневн|месячн|кратн|этажн)\w*$")

# The digit forms of the tokenizer, tried in its order: a match that is not a plain numeral
# (a date, a time, a fraction with a slash) sends the text to the full reader.
DIGIT_TOKEN = re.compile(DIGIT_FORMS + NUMERAL, re.X)
FIRST_DIGIT = re.compile(r"\d")
# The tokenizer's word: a shortcut text has no URL, tag or phone mark, so it takes the fast
# grammar, where a word is exactly this.
WORD = re.compile(rf"{LETTER}[\w{MARKS}]*(?:['-][\w{MARKS}]+)*")
# Anything that can carry meaning next to a number: currency signs, slashes, signs, the marks of
# web addresses and tags. The percent sign is allowed, but only where a number claims it.
UNSAFE_CHAR = re.compile(r"""[^\w\s.,;!?"()«»“”„'\-–:\[\]%]|_""")
OPENING = frozenset(" \t\n\r\u00a0\u202f\u2009\"(«“„[")
CLOSING = frozenset(" \t\n\r\u00a0\u202f\u2009.,;!?\")»”]")
RANGE_OR_SCORE_AFTER = re.compile(r"\s?[-–:]")
# A percent sign the reader joins to the number before it: glued, or after one space.
PERCENT_AFTER = re.compile("[ \u00a0\u202f\u2009]?%")
GLUED_ENDING = re.compile(rf"['-]?({WORD.pattern})")


# What a word can do to the numbers of its text.
# Each role alone is harmless except ACTIVE; a text with both roles of a pair may form a mention.
# A ROMAN_NUMERAL is one mention of its own wherever it stands.
INERT, ROMAN_BESIDE_CENTURY, CENTURY_WORD, ACTIVE, PHRASE_START, PHRASE_PART = 0, 1, 2, 4, 8, 16
ROMAN_NUMERAL = 32
HARMFUL_PAIRS = (ROMAN_BESIDE_CENTURY | CENTURY_WORD, PHRASE_START | PHRASE_PART)

Key = tuple[Decimal, str]


def quick_keys(text: str, data: LocaleData) -> tuple[Key, ...] | None:
    """Sorted ``(value, cls)`` of the mentions of ``text`` when the shortcut is sure of them, else None."""
    folded = fold(text)
    # UNSAFE_CHAR covers every protected mark (URL, tag, phone) but the "www." of a bare address.
    if folded.offsets or UNSAFE_CHAR.search(folded.text) or "www." in folded.text:
        return None
    text = folded.text
    words = WORD.findall(text)
    romans = _roman_words(set(words), data)
    if romans is None:
        return None
    keys = [(romans[word], "num") for word in words if word in romans] if romans else []
    claimed_percents: set[int] = set()
    numerals = data.memo_table("numeral")
    position = 0
    while digit := FIRST_DIGIT.search(text, position):
        match = DIGIT_TOKEN.match(text, digit.start())
        if match is None or match.lastgroup != "num":
            return None
        start, end = match.span()
        cls = _cls_before(text, start, claimed_percents)
        if cls is None:
            return None
        after = _after_numeral(text, end, romans)
        if after is None:
            return None
        percent = PERCENT_AFTER.match(text, after)
        if percent is not None:
            cls = "pct"
            claimed_percents.add(percent.end() - 1)
        raw = match.group()
        value = numerals.get(raw)
        if value is None:
            value = numerals[raw] = read_numeral(raw, data)[0]
        keys.append((value, cls))  # type: ignore[arg-type]
        position = end  # an ending is a word: a digit inside it is looked at on its own
    if len(claimed_percents) != text.count("%"):
        return None
    keys.sort()
    return tuple(keys)


def _cls_before(text: str, start: int, claimed_percents: set[int]) -> str | None:
    """"num" after a space or an opening mark, "pct" after a glued percent sign, else None."""
    if start == 0 or text[start - 1] in OPENING:
        return "num"
    if text[start - 1] == "%" and (start == 1 or text[start - 2] in OPENING):
        claimed_percents.add(start - 1)
        return "pct"
    return None


def _after_numeral(text: str, end: int, romans: dict[str, Decimal]) -> int | None:
    """Where a percent sign would join the mention: after an inert word glued to the number
    (``59th``, ``59-cu``), or right after the number when nothing is glued to it. None when
    something else follows: a range or score dash, a percent sign after a dot (which the reader
    may take as an ordinal's), a Roman numeral glued on.
    """
    if end < len(text) and text[end] not in CLOSING and text[end] != "%":
        ending = GLUED_ENDING.match(text, end)
        if ending is None or ending.group(1) in romans:
            return None
        return ending.end()
    if RANGE_OR_SCORE_AFTER.match(text, end) or (text.startswith(".", end) and PERCENT_AFTER.match(text, end + 1)):
        return None
    return end


def _roman_words(words: set[str], data: LocaleData) -> dict[str, Decimal] | None:
    """The Roman numerals among ``words`` with their values; None if a word forbids the shortcut.

    No word may be active, and no two words may form a harmful pair. Most words are known to be
    inert after the first sentences, so only the others are looked at one by one.
    """
    inert = data.memo_table("inert-word")
    others = words.difference(inert)
    if not others:
        return {}
    roles = data.memo_table("word-role")
    seen = INERT
    romans: dict[str, Decimal] = {}
    for word in others:
        role = roles.get(word)
        if role is None:
            role = roles[word] = word_role(word, data)
        if role == INERT:
            inert[word] = True
        elif role == ROMAN_NUMERAL:
            romans[word] = Decimal(roman_to_int(word.rstrip(LOWERCASE).translate(ROMAN_LETTERS)))
        seen |= role  # type: ignore[operator]
    if seen & ACTIVE or any(seen & pair == pair for pair in HARMFUL_PAIRS):
        return None
    return romans


def word_role(word: str, data: LocaleData) -> int:
    """ACTIVE for a word that opens a mention or qualifies a number next to it.

    A Roman numeral of two letters or more from I, V and X is a mention of its own; with any
    other role besides, it is left to the full reader.

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
    return ACTIVE if role & ROMAN_NUMERAL and role != ROMAN_NUMERAL else role


def _roman_reading(word: str, data: LocaleData) -> int:
    """What the reader's Roman check makes of a word, without its neighbours."""
    if not ROMAN_CHARS.intersection(word):
        return INERT
    numeral = word.rstrip(LOWERCASE)
    suffix = word[len(numeral):]
    letters = numeral.translate(ROMAN_LETTERS)
    if numeral and set(numeral) <= ROMAN_CHARS and (not suffix or data.is_ordinal_suffix(suffix)) \
            and STRICT_ROMAN.fullmatch(letters):
        return ROMAN_NUMERAL if len(letters) >= 2 and set(letters) <= ROMAN_IVX else ROMAN_BESIDE_CENTURY
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


def roman_to_int(letters: str) -> int:
    """The value of a valid Roman numeral in Latin letters."""
    total = 0
    for current, following in zip(letters, letters[1:] + " "):
        value = ROMAN_VALUES[current]
        total += -value if following != " " and ROMAN_VALUES[following] > value else value
    return total
