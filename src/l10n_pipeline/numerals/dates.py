"""Dates: numeric forms, month names joined with their days and years, Solar Hijri."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from .locale_data import LocaleData
from .mention import NumberMention
from .text import Token

DAY_WINDOW_BEFORE, DAY_WINDOW_AFTER, YEAR_WINDOW = 3, 4, 5
HIJRI_YEARS = (1300, 1450)


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
    """Join each month name with its days and year: labels for hints, Hijri dates converted."""
    result = list(mentions)
    for position, month in enumerate(mentions):
        if month.cls != "month" or month.date:
            continue
        days = [i for i, m in enumerate(result) if _is_day(m)
                and -DAY_WINDOW_BEFORE <= m.token_index - month.token_index <= DAY_WINDOW_AFTER]
        years = [i for i, m in enumerate(result) if m.kind == "year" and not m.date
                 and abs(m.token_index - month.token_index) <= YEAR_WINDOW]
        year_index = min(years, key=lambda i: abs(result[i].token_index - month.token_index), default=None)
        if month.kind == "persian-month":
            _convert_persian(result, position, days, year_index)
            continue
        label = _label(result, month, days, year_index)
        for i in [position, *days, *([year_index] if year_index is not None else [])]:
            result[i] = replace(result[i], date=label)
    return result


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
