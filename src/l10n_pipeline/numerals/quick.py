"""A shortcut for the common sentence whose numbers the full reader reads one certain way.

The shortcut answers only where it knows what the reader will find: every word of the text is
inert (it can neither open a mention nor qualify a number beside it) or one of the few kinds it
counts, and every digit string stands among spaces and plain punctuation in one of these forms:

- ``1,275`` alone: a count (the value as the locale reads it);
- ``59th``, ``59-cu``, ``1957-ci``, ``%67,4'i``: an inert ending glued after it, which the reader
  takes into the mention without changing its value (an ordinal or a case ending);
- ``67.4%``, ``67,4 %``, ``%67,4``: a percent sign glued before it or right after it (after one
  space at most), which makes it a percentage;
- ``18-19``, ``18 – 19``: a range of two counts (not a score, not ``1992-93``);
- ``583 thousand``, ``583 mindən``, ``583 тыс.``: a scale word one space after it, multiplying it;
- ``$636``, ``636 milyon dollar``: a currency sign before it, a currency name after it.

The words it counts are Roman numerals (``XXI``, a count with or without a century word), month
names beside a day or a year (``November 3``, ``3 noyabr``), and number words that no word after
them joins (``nine``, ``doqquz``). Anything else (a sign, a currency code, a score, a chain of
scales, a percent sign the reader might give another number, a night before a date, a web
address) sends the text to the full reader. Two texts agree when their keys and currencies agree
as multisets, and then the comparison would find nothing; otherwise the full reader explains.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from . import lexicon
from .locale_data import LocaleData
from .numeral import read_numeral
from .reader import VAGUE_ENDINGS, roman_to_int
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
# The tokenizer's word: a shortcut text has no URL, tag or phone mark, so it takes the fast
# grammar, where a word is exactly this.
WORD = re.compile(rf"{LETTER}[\w{MARKS}]*(?:['-][\w{MARKS}]+)*")
# Anything that can carry meaning next to a number: currency signs, slashes, signs, the marks of
# web addresses and tags. The percent sign is allowed, but only where a number claims it.
UNSAFE_CHAR = re.compile(r"""[^\w\s.,;!?"()«»“”„'\-–:\[\]%]|_""")
OPENING = frozenset(" \t\n\r\u00a0\u202f\u2009\"(«“„[")
CLOSING = frozenset(" \t\n\r\u00a0\u202f\u2009.,;!?\")»”]")
RANGE_OR_SCORE_AFTER = re.compile(r"\s*[-–:]")
# A dash the reader takes for a range between two numbers: glued, or with one space either side.
RANGE_DASH = re.compile("[ \u00a0\u202f\u2009]?[-–][ \u00a0\u202f\u2009]?(?=\\d)")
# A percent sign the reader joins to the number before it: glued, or after one space.
PERCENT_AFTER = re.compile("[ \u00a0\u202f\u2009]?%")
GLUED_ENDING = re.compile(rf"['-]?({WORD.pattern})")
WORD_AFTER_SPACE = re.compile(rf"[ \u00a0\u202f\u2009]({WORD.pattern})")
# The next token, as the reader's look for a currency steps to it: a word or one character.
TOKEN_AFTER = re.compile(rf"[ \u00a0\u202f\u2009]?(?:({WORD.pattern})|(\S))")
# Digits after a scale word (and its dot): the reader may add them to the number ("1 bin 275").
CHAIN_AFTER = re.compile(r"\.?\s*\d")


# What a word can do to the numbers of its text.
# Each role alone is harmless except ACTIVE; a text with both roles of a pair may form a mention.
# A ROMAN_NUMERAL is one mention of its own wherever it stands, a MONTH name one beside a day or
# a year; a NIGHT_WORD may start a phrase that makes the reader add the day before a date's day.
# A SCALE word multiplies the number before it, and stands nowhere else in a shortcut text.
# A NUMBER_WORD is a mention of its own when nothing after it joins its phrase. A CURRENCY_NAME
# or a currency sign names the currency of the number it stands beside, and stands nowhere else.
INERT, ROMAN_BESIDE_CENTURY, CENTURY_WORD, ACTIVE, PHRASE_START, PHRASE_PART = 0, 1, 2, 4, 8, 16
ROMAN_NUMERAL, MONTH, NIGHT_WORD, SCALE, NUMBER_WORD, CURRENCY_NAME = 32, 64, 128, 512, 1024, 2048
CURRENCY_SIGN = 4096  # a run holding a currency sign ("$636")
UNSAFE = 256  # a character that may qualify a number, or a web address
COUNTED = ROMAN_NUMERAL | MONTH | SCALE | NUMBER_WORD | CURRENCY_NAME
HARMFUL_PAIRS = (ROMAN_BESIDE_CENTURY | CENTURY_WORD, PHRASE_START | PHRASE_PART, MONTH | NIGHT_WORD)

Key = tuple[Decimal, str]


class QuickReading(NamedTuple):
    """The keys of a text's mentions and the currencies they name, both sorted."""

    keys: tuple[Key, ...]
    currencies: tuple[str, ...]


# Built through ``tuple.__new__``, which skips the Python-level ``QuickReading.__new__``: the
# shortcut makes one for every text it reads.
_new_reading = tuple.__new__


def quick_keys(text: str, data: LocaleData) -> QuickReading | None:
    """The ``(value, cls)`` of the mentions of ``text`` and their currencies when the shortcut is
    sure of them, else None."""
    folded = fold(text)
    if folded.offsets:
        return None
    text = folded.text
    words = _CountedWords.of(text, data)
    if words is None:
        return None
    keys: list[Key] = [(value, "num") for value in words.romans]
    if words.number_words and (words.signs or words.currency_names  # "nine €5": both take the euro
                               or not _number_word_keys(text, data, words.number_words, keys)):
        return None
    currencies: list[str] = []
    if "%" in text or FIRST_DIGIT.search(text):
        numerals = _Numerals(text, data, words)
        if not numerals.read(keys) or not numerals.took_all_scales_and_currencies():
            return None  # a scale word or currency that no number takes is read on its own
        if words.months:
            keys += _month_keys(text, words.months, numerals)
        currencies = numerals.currencies
    elif words.scale_count or words.currency_names or words.signs:
        return None
    keys.sort()
    currencies.sort()
    return _new_reading(QuickReading, (tuple(keys), tuple(currencies)))


class _CountedWords:
    """The words of a text that are mentions or make them: Roman numerals, months, scale words."""

    def __init__(self) -> None:
        self.romans: list[Decimal] = []  # one value per occurrence
        self.months: dict[str, Decimal] = {}
        self.scales: dict[str, Decimal] = {}
        self.number_words: dict[str, Decimal] = {}
        self.currency_names: dict[str, str] = {}  # word -> ISO code
        self.currency_name_count = 0
        self.signs: dict[str, str] = {}  # the currency signs of the locale, when the text holds one
        self.scale_count = 0
        self.all: set[str] = set()

    @classmethod
    def of(cls, text: str, data: LocaleData) -> _CountedWords | None:
        """The counted words of ``text``; None when a word or mark forbids the shortcut.

        Neither a word nor an unsafe mark spans whitespace, so the text is looked at in runs
        between spaces. Most runs are known to be harmless after the first sentences; only the
        others are looked at, once each.
        """
        runs = text.split()
        others = set(runs).difference(data.tables.get("harmless-run") or data.memo_table("harmless-run"))
        if not others:
            return NO_WORDS
        readings = data.memo_table("run-reading")
        seen = INERT
        for run in others:
            reading = readings.get(run)
            if reading is None:
                reading = readings[run] = _run_reading(run, data)
            seen |= reading[0]  # type: ignore[index]
        if _forbidden(seen):
            return None
        if not seen & (COUNTED | CURRENCY_SIGN):
            return NO_WORDS
        words = cls()
        if seen & CURRENCY_SIGN:
            words.signs = _currency_signs(data)
        for run in runs:
            if run in others:
                words._add(readings[run][1])  # type: ignore[index]
        return words

    def _add(self, counted: tuple[tuple[int, str, Decimal | str], ...]) -> None:
        for role, word, value in counted:
            self.all.add(word)
            if role == ROMAN_NUMERAL:
                self.romans.append(value)
            elif role == MONTH:
                self.months[word] = value
            elif role == NUMBER_WORD:
                self.number_words[word] = value
            elif role == CURRENCY_NAME:
                self.currency_names[word] = value  # type: ignore[assignment]
                self.currency_name_count += 1
            else:
                self.scales[word] = value
                self.scale_count += 1


NO_WORDS = _CountedWords()  # shared, never added to


def _run_reading(run: str, data: LocaleData) -> tuple[int, tuple[tuple[int, str, Decimal | str], ...]]:
    """The roles of the words of a run between spaces, and its counted words in order."""
    # UNSAFE_CHAR covers every protected mark (URL, tag, phone) but the "www." of a bare address.
    unsafe = UNSAFE_CHAR.findall(run)
    seen = INERT
    if unsafe:
        if not _currency_signs(data).keys() >= set(unsafe):
            return UNSAFE, ()
        seen = CURRENCY_SIGN
    if "www." in run:
        return UNSAFE, ()
    roles = data.memo_table("word-role")
    counted = []
    for word in WORD.findall(run):
        role = roles.get(word)
        if role is None:
            role = roles[word] = word_role(word, data)
        seen |= role  # type: ignore[operator]
        if role & COUNTED:  # type: ignore[operator]
            counted.append((role & COUNTED, word, _value_of(role & COUNTED, word, data)))  # type: ignore[operator]
    if seen == INERT:
        data.memo_table("harmless-run")[run] = True
    return seen, tuple(counted)


@lru_cache(maxsize=None)
def _forbidden(seen: int) -> bool:
    return bool(seen & (ACTIVE | UNSAFE)) or any(seen & pair == pair for pair in HARMFUL_PAIRS)


def _currency_signs(data: LocaleData) -> dict[str, str]:
    """The one-character currency signs of the locale (``$``, ``₼``) with their ISO codes."""
    return {sign: code for sign, code in data.currency_symbols.items() if len(sign) == 1}


def _value_of(role: int, word: str, data: LocaleData) -> Decimal | str:
    if role == CURRENCY_NAME:
        return data.currency_of_word(word)  # type: ignore[return-value]
    if role == MONTH:
        return Decimal(data.month_of(word))  # type: ignore[arg-type]
    if role == SCALE:
        return Decimal(data.scale_of(word) or data.abbreviation_scale(word))  # type: ignore[arg-type]
    if role == NUMBER_WORD:
        return Decimal(data.words.lookup(normalise_word(word).split())[0])  # type: ignore[index]
    return Decimal(roman_to_int(word.rstrip(LOWERCASE).translate(ROMAN_LETTERS)))


class _Numerals:
    """The digit strings of a text, each read with what is glued to it."""

    def __init__(self, text: str, data: LocaleData, words: _CountedWords) -> None:
        self.text = text
        self.data = data
        self.counted_words = words.all  # words that are or make mentions: no ending
        self.scales = words.scales
        self.scaled = 0  # how many scale words the numbers took
        self.words = words
        self.currencies: list[str] = []
        self.claimed_currencies: set[int] = set()  # where the signs and names the numbers took stand
        self.by_start: dict[int, str] = {}
        self.by_end: dict[int, str] = {}

    def read(self, keys: list[Key]) -> bool:
        """Add the key of every digit string to ``keys``; False when one is not in a shortcut form."""
        text = self.text
        claimed_percents: set[int] = set()
        values = self.data.memo_table("numeral")
        range_end = -1  # where the second number of a range starts: its dash is no sign
        position = 0
        while digit := FIRST_DIGIT.search(text, position):
            match = DIGIT_TOKEN.match(text, digit.start())
            if match is None or match.lastgroup != "num":
                return False
            start, end = match.span()
            raw = match.group()
            sign = self._currency_sign_before(start) if self.words.signs else None
            if sign is not None:
                if sign < 0:
                    return False
                cls: str | None = "num"
            else:
                cls = "num" if start == range_end else _cls_before(text, start, claimed_percents)
            if cls is None:
                return False
            value = values.get(raw)
            if value is None:
                value = values[raw] = read_numeral(raw, self.data)[0]
            dash = RANGE_DASH.match(text, end)
            if dash is not None:
                partner = DIGIT_TOKEN.match(text, dash.end())
                if partner is None or partner.lastgroup != "num" or not _plain_range(raw, partner.group()) \
                        or self._scale_at(partner.end()):  # "2-3 million": both ends take the scale
                    return False
                range_end = dash.end()
            else:
                after = self._after(end)
                if after is None:
                    return False
                percent = PERCENT_AFTER.match(text, after)
                if percent is not None:
                    cls = "pct"
                    claimed_percents.add(percent.end() - 1)
                else:
                    scale = self._scale_at(after) if self.scales else None
                    if scale is not None:
                        if CHAIN_AFTER.match(text, scale.end()):
                            return False  # "1 bin 275": a chain of scales adds up
                        value = value * self.scales[scale.group(1)]  # type: ignore[operator]
                        self.scaled += 1
                        after = scale.end()
                        if text.startswith(".", after) and (self.words.signs or self.words.currency_names):
                            return False  # whether the dot of "млн." is taken decides what follows
                    if (self.words.signs or self.words.currency_names) and (
                            text.startswith(".", after)  # the dot of a de or tr ordinal ("5.") may be taken
                            or not self._currency_after(after, has_currency=sign is not None)):
                        return False
            keys.append((value, cls))  # type: ignore[arg-type]
            self.by_start[start] = self.by_end[end] = raw
            position = end  # an ending is a word: a digit inside it is looked at on its own
        return len(claimed_percents) == text.count("%")

    def took_all_scales_and_currencies(self) -> bool:
        words = self.words
        if words is NO_WORDS:
            return True
        signs = sum(self.text.count(sign) for sign in words.signs)
        return self.scaled == words.scale_count and len(self.claimed_currencies) == signs + words.currency_name_count

    def _currency_sign_before(self, start: int) -> int | None:
        """Where a currency sign before the number stands (``$636``, ``₼ 5``); -1 when the shortcut
        cannot tell whether it is this number's."""
        text = self.text
        position = start - 1
        if position >= 0 and text[position].isspace():
            position -= 1  # one space at most between the sign and the digits
        if position < 0 or text[position] not in self.words.signs:
            return None
        if position > 0 and text[position - 1] not in OPENING:
            return -1
        self.claimed_currencies.add(position)
        self.currencies.append(self.words.signs[text[position]])
        return position

    def _currency_after(self, position: int, has_currency: bool) -> bool:
        """The reader's look for a currency in the next two tokens after a mention ("636 milyon
        dollar", "5 ABŞ dolları", "5 ₼"), which it takes even when the number has a currency
        already; False when it would take a word that is a mention."""
        text = self.text
        skipped = None
        for _ in range(2):
            token = TOKEN_AFTER.match(text, position)
            if token is None:
                return True
            word = token.group(1)
            if word is None:
                sign = token.group(2)
                if sign in self.words.signs:
                    self.claimed_currencies.add(token.start(2))
                    if not has_currency:
                        self.currencies.append(self.words.signs[sign])
                return skipped not in self.counted_words or sign not in self.words.signs
            code = self.words.currency_names.get(word)
            if code is not None:
                self.claimed_currencies.add(token.start(1))
                if not has_currency:
                    self.currencies.append(code)
                return skipped not in self.counted_words
            skipped = word
            position = token.end()
        return True

    def _scale_at(self, position: int) -> re.Match[str] | None:
        """A scale word one space after ``position``, which the number before takes."""
        word = WORD_AFTER_SPACE.match(self.text, position)
        return word if word is not None and word.group(1) in self.scales else None

    def _after(self, end: int) -> int | None:
        """Where a percent sign would join the mention: after an inert word glued to the number
        (``59th``, ``59-cu``), or right after the number when nothing is glued to it. None when
        something else follows: a range or score dash, a percent sign after a dot (which the
        reader may take as an ordinal's), a glued word that is a mention itself.
        """
        text = self.text
        if end < len(text) and text[end] not in CLOSING and text[end] != "%":
            ending = GLUED_ENDING.match(text, end)
            if ending is None or ending.group(1) in self.counted_words \
                    or (self.scales and RANGE_OR_SCORE_AFTER.match(text, ending.end())):
                return None  # "5-ci - 6 milyon": the first end of a range takes the scale
            return ending.end()
        if RANGE_OR_SCORE_AFTER.match(text, end) or (text.startswith(".", end) and PERCENT_AFTER.match(text, end + 1)):
            return None
        return end


def _cls_before(text: str, start: int, claimed_percents: set[int]) -> str | None:
    """"num" after a space or an opening mark, "pct" after a glued percent sign, else None."""
    if start == 0 or text[start - 1] in OPENING:
        return "num"
    if text[start - 1] == "%" and (start == 1 or text[start - 2] in OPENING):
        claimed_percents.add(start - 1)
        return "pct"
    return None


def _plain_range(first: str, second: str) -> bool:
    """``18-19``, ``1941–1945``: two counts, as the reader takes them.

    Not a score (``3-1``, which the reader drops) and not a year with a short end (``1992-93``,
    whose end the reader completes).
    """
    if not (first.isdigit() and second.isdigit()):
        return True
    if len(first) == 4 and len(second) == 2 and int(first[2:]) < int(second):
        return False
    return not (int(second) <= int(first) <= 20 and len(first) <= 2)


def _number_word_keys(text: str, data: LocaleData, number_words: dict[str, Decimal], keys: list[Key]) -> bool:
    """Add a key for each number word that the reader takes alone; False if one may be more.

    The reader joins the words after a number word while the joined phrase is a number
    ("twenty nine", "on iki"), and takes a half, a scale or a vague quantifier right after it
    into the mention: any of these sends the text to the full reader.
    """
    table = data.words
    halves = {phrase.split()[0] for phrase in lexicon.HALF_AFTER.get(data.lang, ())}
    for word in WORD.finditer(text):
        value = number_words.get(word.group())
        if value is None:
            continue
        parts = normalise_word(word.group()).split()
        position = word.end()
        while len(parts) < table.max_words + 1:  # the reader's walk over the words after it
            following = WORD_AFTER_SPACE.match(text, position)
            if following is None:
                break
            parts.extend(normalise_word(following.group(1)).split())
            if table.lookup(parts) is not None:
                return False
            position = following.end()
        if PERCENT_AFTER.match(text, word.end()):
            return False  # "nine %": a percentage in words
        after = WORD.match(text, _start_of_token_after(text, word.end()))
        if after is not None:
            folded = normalise_word(after.group())
            if folded.split()[:1] and folded.split()[0] in halves or folded in data.vague \
                    or folded.endswith(VAGUE_ENDINGS) or data.scale_of(after.group()) \
                    or data.abbreviation_scale(after.group()):
                return False
        keys.append((value, "num"))
    return True


def _month_keys(text: str, months: dict[str, Decimal], numerals: _Numerals) -> list[Key]:
    """Month names beside a day or a year (``November 3``, ``3 noyabr``, ``26. Februar``)."""
    keys: list[Key] = []
    for word in WORD.finditer(text):
        month = months.get(word.group())
        if month is not None and (
                _date_number(numerals.by_end.get(_end_of_token_before(text, word.start())))
                or _date_number(numerals.by_start.get(_start_of_token_after(text, word.end())))):
            keys.append((month, "month"))
    return keys


def _end_of_token_before(text: str, start: int) -> int:
    """The end of the token before ``start``, or of the one before a dot glued to it."""
    end = len(text[:start].rstrip())
    if end >= 2 and text[end - 1] == "." and not text[end - 2].isspace():
        return end - 1
    return end


def _start_of_token_after(text: str, end: int) -> int:
    return len(text) - len(text[end:].lstrip())


def _date_number(raw: str | None) -> bool:
    return raw is not None and raw.isdigit() and (1 <= int(raw) <= 31 or len(raw) == 4)


def word_role(word: str, data: LocaleData) -> int:
    """ACTIVE for a word that opens a mention or qualifies a number next to it.

    A Roman numeral of two letters or more from I, V and X is a mention of its own, and so is a
    month name beside a day or a year; with any other role besides, either is left to the full
    reader. A number word ("nine", "doqquz") is a mention of its own unless the words after it
    continue or qualify it, which the shortcut looks at where it stands.

    Some words matter only beside another kind: a lone Roman letter (``C``, ``М``) is a numeral
    only beside a century word, and a word that starts number phrases without being a number
    itself only with a word that continues them ("and" in "one hundred and five"). Vague
    quantifiers emit nothing and never swallow a digit string, so they are inert unless they
    double as scale words.
    """
    if _qualifies_numbers(word, data):
        return ACTIVE
    if _number_word(word, data):
        role = NUMBER_WORD
    else:
        role = SCALE if _scale_after_number(word, data) else INERT
        if _opens_mention(word, data, scale_too=not role):
            return ACTIVE
    role |= _roman_reading(word, data)
    if data.month_of(word):
        role |= MONTH
    if data.currency_of_word(word):
        role |= CURRENCY_NAME
    folded = word.casefold()
    if any(folded.startswith(w.rstrip(".")) for w in data.century_words):
        role |= CENTURY_WORD
    if folded in _night_openings(data.lang):
        role |= NIGHT_WORD
    parts = normalise_word(word).split()
    if not data.words.glued and parts:
        if parts[0] in data.words.starters and not role & NUMBER_WORD:  # see _number_word_keys
            role |= PHRASE_START
        if not _continuations(data.lang).isdisjoint(parts):
            role |= PHRASE_PART
    counted = role & COUNTED
    if counted & (counted - 1) or (counted & (ROMAN_NUMERAL | MONTH) and role != counted):
        return ACTIVE  # a word that is two kinds of mention, or a Roman numeral or month with more
    return role


def _number_word(word: str, data: LocaleData) -> bool:
    """A whole number word that the reader takes by itself when no number word follows it.

    Not one the reader takes another way first: a half ("полторы"), a Russian compound, a
    vague quantifier or a word of one ("hər iki"), a month, a scale word or a Roman numeral.
    """
    folded = normalise_word(word)
    parts = folded.split()
    if not parts or parts[0] not in data.words.starters or data.words.lookup(parts) is None:
        return False
    return not (data.half_number(word) or (data.lang == "ru" and RU_COMPOUND.match(parts[0]))
                or folded in data.vague or folded.endswith(VAGUE_ENDINGS)
                or any(folded in phrase for phrase in data.vague_phrases)
                or data.month_of(word) or data.persian_months.get(word)
                or data.scale_of(word) or data.abbreviation_scale(word) or _roman_reading(word, data))


def _scale_after_number(word: str, data: LocaleData) -> bool:
    """A scale word as the reader takes it after a number: not a vague one ("minlərlə")."""
    return bool(data.scale_of(word) or data.abbreviation_scale(word)) \
        and not normalise_word(word).endswith(VAGUE_ENDINGS)


@lru_cache(maxsize=32)
def _night_openings(lang: str) -> frozenset[str]:
    """The first words of the phrases naming the night before a day ("ночь на", "keçən gecə")."""
    phrases = (*lexicon.NIGHT_BEFORE_DAY.get(lang, ()), *lexicon.NIGHT_AFTER_DATE.get(lang, ()))
    return frozenset(phrase.split()[0] for phrase in phrases)


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


def _opens_mention(word: str, data: LocaleData, scale_too: bool = True) -> bool:
    """Number words (with halves), Russian number compounds, Persian month names and scale words.

    Other month names are a role of their own: they make a mention only beside a date number.
    """
    folded = normalise_word(word)
    parts = folded.split() or [""]
    table = data.words
    if table.lookup(parts[:1]) is not None or table.lookup(parts) is not None:
        return True
    if parts[0] in table.starters and (table.glued or len(parts) > 1):
        return True
    if data.lang == "ru" and RU_COMPOUND.match(parts[0]):
        return True
    if scale_too and (data.scale_of(word) or data.abbreviation_scale(word)):
        return True
    return bool(data.persian_months.get(word) or data.half_number(word))


@lru_cache(maxsize=32)
def _continuations(lang: str) -> frozenset[str]:
    """Words that continue a number phrase ("hundred" in "a hundred", "iki" in "on iki")."""
    entries = number_word_table(lang).entries
    return frozenset(part for key in entries for part in key.split()[1:])


def _qualifies_numbers(word: str, data: LocaleData) -> bool:
    """Percent words and currency codes (a code may also stand before a number: "USD 5")."""
    folded = word.casefold()
    if folded in data.percent_before or _opens_percent_phrase(folded, data):
        return True
    return word.upper() in lexicon.CURRENCY_HOMES


def _opens_percent_phrase(folded: str, data: LocaleData) -> bool:
    for phrase in data.percent_after:
        first = phrase.split()[0].rstrip(".")
        if folded == first or (folded.startswith(first) and len(folded) - len(first) <= 3):
            return True
    return False
