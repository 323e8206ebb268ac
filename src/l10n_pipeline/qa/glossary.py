"""Glossary checks: names and places in the translation, and variant spellings in the source."""

from __future__ import annotations

from ..glossary import check_translation, find_terms
from ..models import Issue, Severity
from .base import Check, CheckContext


class GlossaryCheck(Check):
    """Every glossary term of the source appears in an approved form; no forbidden form appears."""

    check_id = "glossary"
    name = "Glossary"
    description = (
        "Names and places from the glossary are translated with an approved form "
        "(inflection allowed) and never with a forbidden one."
    )
    severity = Severity.ERROR

    def check(self, source: str, target: str, ctx: CheckContext) -> list[Issue]:
        if ctx.glossary is None:
            return []
        return check_translation(ctx.glossary, source, target, ctx.locale)


class GlossaryVariantCheck(Check):
    """The source spells a glossary term in one of its variant forms."""

    check_id = "glossary-variant"
    name = "Glossary variant in source"
    description = "The source uses a variant spelling of a glossary term instead of its canonical form."
    severity = Severity.WARNING
    source_side = True

    def check(self, source: str, target: str, ctx: CheckContext) -> list[Issue]:
        if ctx.glossary is None:
            return []
        return [
            Issue(
                f'"{match.text}" is a variant of "{match.term.source}"; write "{match.term.source}"',
                details={"term": match.term.source, "found": match.text, "start": match.start},
            )
            for match in find_terms(ctx.glossary, source)
            if match.is_variant
        ]
