"""The glossary's model: terms with their approved and forbidden forms per locale, and lookups."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Glossary",
    "Term",
    "TermMatch",
    "approved_forms",
    "forbidden_forms",
    "lookup_term",
]


@dataclass(frozen=True)
class Term:
    """One name or place, with its approved and forbidden forms per locale."""

    source: str
    variants: tuple[str, ...] = ()
    translations: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    forbidden: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    note: str | None = None
    do_not_translate: bool = False
    case_sensitive: bool = False
    line: int = 0

    def __post_init__(self) -> None:
        # Terms key many dicts while checking; hashing eight fields each time is measurable.
        object.__setattr__(self, "_hash", hash((self.source, self.variants, self.note, self.line)))

    def __hash__(self) -> int:
        return self._hash  # type: ignore[attr-defined, no-any-return]

    @property
    def names(self) -> tuple[str, ...]:
        """Every source spelling: the canonical form first, then the variants."""
        return (self.source, *self.variants)


@dataclass(frozen=True)
class Glossary:
    """All terms of a project, in file order."""

    terms: tuple[Term, ...]
    path: str | None = None
    # Compiled once per glossary and kept here by glossary_source and glossary_target.
    _matchers: dict[str, Any] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    @property
    def locales(self) -> tuple[str, ...]:
        """Every locale named by some term, sorted."""
        found = {loc for term in self.terms for loc in (*term.translations, *term.forbidden)}
        return tuple(sorted(found))


@dataclass(frozen=True)
class TermMatch:
    """A term found in a source text."""

    term: Term
    start: int
    end: int
    text: str
    is_variant: bool


# ---------------------------------------------------------------- lookups


def lookup_term(glossary: Glossary, query: str) -> Term | None:
    """The term whose source spelling or any approved form equals ``query`` (ignoring case)."""
    wanted = " ".join(query.casefold().split())
    for term in glossary.terms:
        spellings = (*term.names, *(f for forms in term.translations.values() for f in forms))
        if any(" ".join(s.casefold().split()) == wanted for s in spellings):
            return term
    return None


def approved_forms(term: Term, locale: str) -> tuple[str, ...]:
    """The forms a translation into ``locale`` may use; the source form too if not translated."""
    forms = term.translations.get(locale) or term.translations.get(_language(locale), ())
    if term.do_not_translate and term.source not in forms:
        return (term.source, *forms)
    return forms


def forbidden_forms(term: Term, locale: str) -> tuple[str, ...]:
    """The forms that must never appear in ``locale``."""
    return term.forbidden.get(locale) or term.forbidden.get(_language(locale), ())


def _language(locale: str) -> str:
    return locale.replace("-", "_").split("_")[0]

