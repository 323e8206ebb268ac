"""Rendering the numbers of a source sentence as a short, stable translator hint."""

from __future__ import annotations

from decimal import Decimal

from .mention import NumberMention, plain

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
SCALE_NAMES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand"))
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£"}
HINTED = frozenset({"num", "pct", "code", "time", "month"})


def hint_text(mentions: list[NumberMention]) -> str | None:
    """``613, 63, 1992-02-25..26, February 26, 60%, $170 million``: in the order of the text.

    A date with a year is written in ISO form (a range of days as ``..26``); a date without a
    year as the English month name and day, since the hint is read next to the English source.
    Words that only say "one" or "a", and words that are numbers only by accident, are left out.
    """
    parts: list[str] = []
    for mention in mentions:
        if mention.cls not in HINTED or not _worth_hinting(mention):
            continue
        if mention.date:
            date = readable_date(mention.date)
            if not parts or parts[-1] != date:
                parts.append(date)
            continue
        if mention.cls != "month":
            parts.append(render(mention))
    return ", ".join(parts) if parts else None


def _worth_hinting(mention: NumberMention) -> bool:
    return not mention.weak and (mention.hard or mention.value != 1)


def readable_date(label: str) -> str:
    """``1992-02-25..26`` stays; ``--02-25..26`` becomes ``February 25-26``."""
    if not label.startswith("--"):
        return label
    month, _, days = label[2:].partition("-")
    name = MONTH_NAMES[int(month) - 1]
    if not days:
        return name
    return f"{name} {'-'.join(str(int(day)) for day in days.split('..'))}"


def render(mention: NumberMention) -> str:
    """One mention as it should read in the hint."""
    if mention.cls in ("code", "time"):
        return mention.text
    if mention.kind == "roman":
        return f"{mention.text} ({plain(mention.value)})"
    amount = _with_scale(mention.value) if mention.kind == "scaled" or mention.currency else plain(mention.value)
    if mention.cls == "pct":
        return f"{amount}%"
    if mention.currency:
        sign = CURRENCY_SIGNS.get(mention.currency)
        return f"{sign}{amount}" if sign else f"{amount} {mention.currency}"
    if mention.kind == "ordinal":
        return amount + _english_ordinal_suffix(mention.value)
    return amount


def _with_scale(value: Decimal) -> str:
    for scale, name in SCALE_NAMES:
        if abs(value) >= scale and (value * 10 / scale) == int(value * 10 / scale):
            return f"{plain(value / scale)} {name}"
    return plain(value)


def _english_ordinal_suffix(value: Decimal) -> str:
    number = int(abs(value))
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
