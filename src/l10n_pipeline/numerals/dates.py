"""Dates: numeric forms, month names joined with their days and years, Solar Hijri."""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from decimal import Decimal

from . import lexicon
from .locale_data import LocaleData
from .mention import NumberMention
from .text import Token

HIJRI_YEARS = (1300, 1450)
LEAP_AND_COMMON = (2000, 2001)
# An az dative ending on a day or month ("26-na", "26-ya", "fevrala"), not a locative ("26-da").
AZ_DATIVE = re.compile(r"(?:^|[^dt])[aə]$")


def numeric_date(text: str, kind: str, data: LocaleData) -> tuple[int | None, int, int | None] | None:
    """(year, month, day) of ``26.02.1992``, ``2/26/92``, ``1992-02-26`` or ``9/11``; None if invalid."""
    separator = "-" if kind == "isodate" else ("/" if "/" in text else ".")
    parts = [int(p) for p in text.split(separator)]
    if len(parts) == 2:
        first, second = parts
        month, day = (first, second) if data.short_date_order in ("mdy", "ymd") else (second, first)
        return (None, month, day) if _valid(month, day) else None
    if len(text.split(separator)[0]) == 4:
        year, month, day = parts
    elif separator == "/" and data.short_date_order == "mdy":
        month, day, year = parts
    else:
        day, month, year = parts
    if not _valid(month, day):
        month, day = day, month
        if not _valid(month, day):
            return None
    if year < 100:
        year += 1900 if year >= 30 else 2000
    return year, month, day


def _valid(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31


def hijri_year_doubt(value: Decimal, data: LocaleData) -> tuple[Decimal, ...] | None:
    """A Persian text's bare year 1300-1450 is Solar Hijri: it is one of two Gregorian years."""
    if data.lang == "fa" and HIJRI_YEARS[0] <= value <= HIJRI_YEARS[1]:
        return (value + 621, value + 622)
    return None


def assemble_dates(mentions: list[NumberMention], tokens: list[Token],
                   data: LocaleData) -> list[NumberMention]:
    """Join each month name with the days and year written next to it, as the locale's date
    patterns put them ("February 25-26, 1992", "26 февраля 1994", "1994-cü il fevralın 26-da"):
    labels for hints, Solar Hijri dates converted. Parts are never joined across other words.
    A day named by the night that ends on it (ru "в ночь на 26 февраля") also stands for the
    day before, added as a weak mention at the end.
    """
    result = list(mentions)
    if not any(m.cls == "month" and not m.date for m in mentions):
        return result
    parts = _DateParts(result, tokens, lexicon.YEAR_WORDS.get(data.lang, ()))
    for position, month in enumerate(mentions):
        if month.cls != "month" or month.date:
            continue
        days = parts.days_after(month.last_token) or parts.days_before(month.token_index)
        first = min([month.token_index, *(result[i].token_index for i in days)])
        last = max([month.last_token, *(result[i].last_token for i in days)])
        year_index = parts.year_after(last)
        if year_index is None:
            year_index = parts.year_before(first)
        if month.kind == "persian-month":
            _convert_persian(result, position, days, year_index)
            continue
        label = _label(result, month, days, year_index)
        night = parts.night_before(days, month, data.lang)
        if night:
            label = _night_label(label, result[days[0]])
        for i in [position, *days, *([year_index] if year_index is not None else [])]:
            result[i] = replace(result[i], date=label)
        if night:
            result += _eves(result[days[0]], month, result[year_index] if year_index is not None else None)
    return result


class _DateParts:
    """Finds the day and year mentions that touch a span of tokens."""

    def __init__(self, mentions: list[NumberMention], tokens: list[Token], year_words: tuple[str, ...]) -> None:
        self.mentions = mentions
        self.tokens = tokens
        self.year_words = year_words
        self.starting = {m.token_index: i for i, m in enumerate(mentions) if m.cls == "num"}
        self.ending = {m.last_token: i for i, m in enumerate(mentions) if m.cls == "num"}

    def days_after(self, token: int) -> list[int]:
        """``February 25-26``, ``fevralın 25-dən 26-na``: the day right after, and its range end."""
        first = self._day(self.starting.get(token + 1))
        if first is None:
            return []
        end = self.mentions[first].last_token
        second = self._day(self.starting.get(end + 1))
        if second is None and self._is_dash(end + 1):
            second = self._day(self.starting.get(end + 2))
        return [first] if second is None else [first, second]

    def days_before(self, token: int) -> list[int]:
        """``26 February``, ``25–26 февраля``: the day right before, and its range start."""
        before = token - 2 if self._is_text(token - 1, (".",)) else token - 1  # de "26. Februar"
        last = self._day(self.ending.get(before))
        if last is None:
            return []
        start = self.mentions[last].token_index
        first = self._day(self.ending.get(start - 2)) if self._is_dash(start - 1) else None
        return [last] if first is None else [first, last]

    def year_after(self, token: int) -> int | None:
        """``February 26, 1994``, ``26 февраля 1994 года``, ``26 فروری، 1992``."""
        following = token + 2 if self._is_text(token + 1, (",", "\u060c")) else token + 1
        return self._year(self.starting.get(following))

    def year_before(self, token: int) -> int | None:
        """``1994-cü il fevralın 26-da``: the year right before, perhaps with the word for year."""
        preceding = token - 2 if self._is_text(token - 1, self.year_words, fold=True) else token - 1
        return self._year(self.ending.get(preceding))

    def night_before(self, days: list[int], month: NumberMention, lang: str) -> bool:
        """One day named by the night that ends on it: ru "в ночь на 26", az "26-na keçən gecə"."""
        if len(days) != 1:
            return False
        day = self.mentions[days[0]]
        before, after = lexicon.NIGHT_BEFORE_DAY.get(lang, ()), lexicon.NIGHT_AFTER_DATE.get(lang, ())
        if any(self._words_before(day.token_index, phrase) for phrase in before):
            return True
        last = max(day.last_token, month.last_token)
        return bool(AZ_DATIVE.search(self.tokens[last].text.casefold())) and any(
            self._words_after(last, phrase) for phrase in after)

    def _words_before(self, token: int, phrase: str) -> bool:
        words = phrase.split()
        return all(self._is_text(token - len(words) + offset, (word,), fold=True)
                   for offset, word in enumerate(words))

    def _words_after(self, token: int, phrase: str) -> bool:
        return all(self._is_text(token + 1 + offset, (word,), fold=True)
                   for offset, word in enumerate(phrase.split()))

    def _day(self, index: int | None) -> int | None:
        return index if index is not None and _is_day(self.mentions[index]) else None

    def _year(self, index: int | None) -> int | None:
        if index is None:
            return None
        mention = self.mentions[index]
        return index if mention.kind == "year" and not mention.date else None

    def _is_dash(self, token: int) -> bool:
        return self._is_text(token, ("-", "\u2013"))

    def _is_text(self, token: int, texts: tuple[str, ...], fold: bool = False) -> bool:
        if not 0 <= token < len(self.tokens):
            return False
        text = self.tokens[token].text
        return (text.casefold() if fold else text) in texts


def _is_day(mention: NumberMention) -> bool:
    return (mention.cls == "num" and mention.kind in ("cardinal", "ordinal") and not mention.date
            and mention.value == mention.value.to_integral_value() and 1 <= mention.value <= 31)


def _label(result: list[NumberMention], month: NumberMention, days: list[int],
           year_index: int | None) -> str:
    head = f"{int(result[year_index].value):04d}-" if year_index is not None else "--"
    head += f"{int(month.value):02d}"
    day_values = [int(result[i].value) for i in days[:2]]
    if not day_values:
        return head
    label = f"{head}-{day_values[0]:02d}"
    return label + (f"..{day_values[1]:02d}" if len(day_values) > 1 else "")


def _night_label(label: str, day: NumberMention) -> str:
    """``1992-02-26`` becomes ``1992-02-25..26``; a night into the 1st keeps its one day."""
    if day.value <= 1:
        return label
    return f"{label[:-2]}{int(day.value) - 1:02d}..{label[-2:]}"


def _eves(day: NumberMention, month: NumberMention, year: NumberMention | None) -> list[NumberMention]:
    """The day before ``day`` as weak mentions: they match a source that names it, never more.

    The eve of the 1st is the last day of the month before, which for February without a year
    is the 28th or the 29th.
    """
    if day.value > 1:
        eves = {int(day.value) - 1}
    else:
        previous = int(month.value) - 1 or 12
        years = (int(year.value),) if year is not None else LEAP_AND_COMMON
        eves = {calendar.monthrange(y, previous)[1] for y in years}
    return [replace(day, value=Decimal(eve), kind="cardinal", weak=True, alternatives=(), doubt=None)
            for eve in sorted(eves)]


def _convert_persian(result: list[NumberMention], position: int, days: list[int],
                     year_index: int | None) -> None:
    """Replace a Solar Hijri day, month and year with their Gregorian values."""
    if not days or year_index is None:
        return
    day_index = days[0]
    jy, jm, jd = (int(result[year_index].value), int(result[position].value),
                  int(result[day_index].value))
    gy, gm, gd = jalali_to_gregorian(jy, jm, jd)
    label = f"{gy:04d}-{gm:02d}-{gd:02d}"
    result[day_index] = replace(result[day_index], value=Decimal(gd), kind="day", date=label)
    result[position] = replace(result[position], value=Decimal(gm), kind="month", date=label)
    result[year_index] = replace(result[year_index], value=Decimal(gy), alternatives=(),
                                 doubt=None, date=label)


def jalali_to_gregorian(jy: int, jm: int, jd: int) -> tuple[int, int, int]:
    """Solar Hijri to Gregorian (the jalaali arithmetic, valid for years 1-3177)."""
    jy += 1595
    days = -355668 + 365 * jy + (jy // 33) * 8 + ((jy % 33) + 3) // 4 + jd
    days += (jm - 1) * 31 if jm < 7 else (jm - 7) * 30 + 186
    gy = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        gy += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    gy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        gy += (days - 1) // 365
        days = (days - 1) % 365
    gd = days + 1
    leap = (gy % 4 == 0 and gy % 100 != 0) or gy % 400 == 0
    month_days = [0, 31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    gm = 1
    while gm <= 12 and gd > month_days[gm]:
        gd -= month_days[gm]
        gm += 1
    return gy, gm, gd
