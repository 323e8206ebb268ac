"""Rendering the numbers of a source sentence as a short, stable translator hint."""

from __future__ import annotations

from decimal import Decimal

from .mention import NumberMention, plain

SCALE_NAMES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand"))
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£"}
HINTED = frozenset({"num", "pct", "code", "time", "month"})


def hint_text(mentions: list[NumberMention]) -> str | None:
    """``613, 63, 1992-02-25..26, 60%, $170 million``: dates once, in ISO form."""
    parts: list[str] = []
    for mention in mentions:
        if mention.cls not in HINTED:
            continue
        if mention.date:
            if not parts or parts[-1] != mention.date:
                parts.append(mention.date)
            continue
        if mention.cls != "month":
            parts.append(render(mention))
    return ", ".join(parts) if parts else None


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
