"""The numbers check: every number of the source is in the translation, written the locale's way."""

from __future__ import annotations

from ..models import Issue, Severity
from ..numerals import compare_numbers
from .base import Check, CheckContext


class NumbersCheck(Check):
    """Compares the numbers of a source and its translation as values, not as strings."""

    check_id = "numbers"
    name = "Numbers"
    description = ("Every number, percentage, amount, date and ordinal of the source appears in the "
                   "translation with the same value, in any form the target locale writes it.")
    severity = Severity.ERROR

    def check(self, source: str, target: str, ctx: CheckContext) -> list[Issue]:
        return compare_numbers(source, target, ctx.locale, ctx.source_locale)
