"""Reading one digit string by a locale's separators, keeping the other plausible reading."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .locale_data import SPACE_GROUPS, LocaleData

LAKH = re.compile(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?")


def read_numeral(raw: str, data: LocaleData) -> tuple[Decimal, tuple[Decimal, ...]]:
    """Value of ``raw`` as the locale reads it, plus the other reading when it is ambiguous."""
    separators = [ch for ch in raw if not ch.isdigit()]
    if not separators:
        return _decimal(raw), ()
    if LAKH.fullmatch(raw):
        return _decimal(raw.replace(",", "")), ()
    last = max(i for i, ch in enumerate(raw) if not ch.isdigit())
    tail = raw[last + 1:]
    mark = raw[last]
    if mark in SPACE_GROUPS or mark in "'\u066c":
        return _decimal(_digits(raw)), ()
    earlier = set(separators[:-1])
    if earlier and mark not in earlier:
        return _decimal(_digits(raw[:last]) + "." + tail), ()
    if earlier or len(tail) != 3:
        return _as_groups_or_decimal(raw, last, tail, grouped=bool(earlier)), ()
    grouped = _decimal(_digits(raw))
    fraction = _decimal(_digits(raw[:last]) + "." + tail)
    if mark in data.groups:
        return grouped, (fraction,)
    return fraction, (grouped,)


def _as_groups_or_decimal(raw: str, last: int, tail: str, grouped: bool) -> Decimal:
    if grouped and len(tail) == 3:
        return _decimal(_digits(raw))
    return _decimal(_digits(raw[:last]) + "." + tail)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text or "0")
    except InvalidOperation:
        return Decimal(0)
