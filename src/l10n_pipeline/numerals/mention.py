"""The value a number mention stands for, and how it was written."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class NumberMention:
    """One number read from a text.

    ``cls`` is what the value measures: ``num`` (a count, a year, a day), ``pct``, ``code``
    (a digit string kept verbatim), ``time`` (minutes) or ``month`` (1-12 from a month name).
    ``hard`` mentions are written with digits or Roman numerals; number words are soft.
    ``alternatives`` holds other plausible readings (an ambiguous separator, a Hijri year),
    with ``doubt`` naming why. A ``weak`` mention comes from a word that is also a common
    non-number word (ur نو "new"): it may match a partner but is never reported alone.
    """

    value: Decimal
    cls: str = "num"
    kind: str = "cardinal"
    hard: bool = True
    span: tuple[int, int] = (0, 0)
    text: str = ""
    currency: str | None = None
    alternatives: tuple[Decimal, ...] = ()
    doubt: str | None = None
    weak: bool = False
    date: str | None = field(default=None, compare=False)
    token_index: int = field(default=0, compare=False, repr=False)
    last_token: int = field(default=0, compare=False, repr=False)

    @property
    def key(self) -> tuple[Decimal, str]:
        return (self.value, self.cls)


def plain(value: Decimal) -> str:
    """A Decimal without exponent or trailing zeros: 170000000, 73.7."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
