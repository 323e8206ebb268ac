"""The glossary of names and places: loading it, hints for translators, and the public API.

The work is split by stage, each module importing only the ones before it:
:mod:`~l10n_pipeline.glossary_model` (terms and lookups), :mod:`~l10n_pipeline.glossary_source`
(finding terms in a source text) and :mod:`~l10n_pipeline.glossary_target` (checking a
translation holds their approved forms). Every public name is importable from here.
"""

from __future__ import annotations

from pathlib import Path

from .errors import GlossaryError
from .glossary_model import Glossary, Term, TermMatch, approved_forms, forbidden_forms, lookup_term
from .glossary_schema import read_glossary_document
from .glossary_source import find_terms
from .glossary_target import check_translation

__all__ = [
    "Glossary",
    "GlossaryError",
    "Term",
    "TermMatch",
    "approved_forms",
    "check_translation",
    "find_terms",
    "forbidden_forms",
    "glossary_hint",
    "load_glossary",
    "lookup_term",
    "parse_glossary",
]


# ---------------------------------------------------------------- loading


def load_glossary(path: str | Path) -> Glossary:
    """Read and validate the glossary file at ``path``."""
    shown = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise GlossaryError(
            "glossary file not found", path=shown, hint="create it or pass --glossary PATH"
        ) from None
    except OSError as err:
        raise GlossaryError(f"cannot read the glossary: {err.strerror}", path=shown) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise GlossaryError(
            f"not UTF-8 text ({err.reason})", path=shown, line=line, hint="save the file as UTF-8"
        ) from None
    return parse_glossary(text, shown)


def parse_glossary(text: str, path: str = "<glossary>") -> Glossary:
    """Validate glossary YAML ``text``; errors name ``path`` and the line."""
    raw_terms = read_glossary_document(text, path)
    terms = tuple(Term(**fields) for fields in raw_terms)
    _reject_duplicates(terms, path)
    return Glossary(terms=terms, path=path)


def _reject_duplicates(terms: tuple[Term, ...], path: str) -> None:
    first_line: dict[str, int] = {}
    for term in terms:
        for name in term.names:
            key = " ".join(name.casefold().split())
            if key in first_line:
                raise GlossaryError(
                    f'duplicate term "{name}" (already on line {first_line[key]})',
                    path=path,
                    line=term.line,
                    hint="merge the two entries or make one a variant of the other",
                )
            first_line[key] = term.line


# ---------------------------------------------------------------- hints


def glossary_hint(glossary: Glossary, source: str, locale: str) -> str | None:
    """A line for translators naming the approved forms of the terms in ``source``."""
    parts: list[str] = []
    seen: set[Term] = set()
    for match in find_terms(glossary, source):
        forms = approved_forms(match.term, locale)
        if match.term in seen or not forms:
            continue
        seen.add(match.term)
        parts.append(f"{match.term.source} → {' / '.join(forms)}")
    return "glossary: " + "; ".join(parts) if parts else None
