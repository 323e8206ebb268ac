"""``l10n glossary``: list, look up and export the glossary."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli_common import guarded
from .errors import GlossaryError
from .fileio import atomic_write
from .glossary import Glossary, Term, load_glossary, lookup_term
from .glossary_export import to_csv, to_tbx

DEFAULT_GLOSSARY = Path("glossary.yaml")

glossary_app = typer.Typer(
    help="List, look up and export the glossary.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

GlossaryOption = Annotated[
    Path, typer.Option("--glossary", help="Glossary YAML (default: glossary.yaml here).")
]


class ExportFormat(str, Enum):
    TBX = "tbx"
    CSV = "csv"


@glossary_app.command("list")
@guarded
def list_terms(glossary: GlossaryOption = DEFAULT_GLOSSARY) -> None:
    """Print every term with its approved forms, one per line."""
    for term in load_glossary(glossary).terms:
        typer.echo(f"{term.source}\t{_forms_summary(term)}")


@glossary_app.command()
@guarded
def lookup(
    term: Annotated[str, typer.Argument(help="A source spelling, variant or approved form.")],
    glossary: GlossaryOption = DEFAULT_GLOSSARY,
) -> None:
    """Show everything the glossary says about one term."""
    loaded = load_glossary(glossary)
    found = lookup_term(loaded, term)
    if found is None:
        raise GlossaryError(f'no term "{term}"', path=str(glossary), hint="see: l10n glossary list")
    typer.echo(_describe(found))


@glossary_app.command()
@guarded
def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="tbx or csv.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
    locale: Annotated[
        Optional[str], typer.Option("--locale", help="CSV only: one locale, as source,target for Weblate.")
    ] = None,
    glossary: GlossaryOption = DEFAULT_GLOSSARY,
) -> None:
    """Export the glossary as TBX-Basic or CSV."""
    loaded = load_glossary(glossary)
    text = _render(loaded, format, locale)
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        atomic_write(output, text)
    except OSError as err:
        raise GlossaryError(f"cannot write: {err.strerror or err}", path=str(output)) from None


def _render(glossary: Glossary, format: ExportFormat, locale: str | None) -> str:
    if format is ExportFormat.TBX:
        if locale:
            raise GlossaryError("--locale applies to CSV only", hint="TBX holds every locale")
        return to_tbx(glossary)
    return to_csv(glossary, locale)


def _forms_summary(term: Term) -> str:
    if term.do_not_translate and not term.translations:
        return "(do not translate)"
    return "; ".join(f"{loc}: {' / '.join(forms)}" for loc, forms in sorted(term.translations.items()))


def _describe(term: Term) -> str:
    lines = [term.source]
    if term.variants:
        lines.append(f"  variants: {', '.join(term.variants)}")
    if term.do_not_translate:
        lines.append("  do not translate: keep the source form")
    for locale, forms in sorted(term.translations.items()):
        lines.append(f"  {locale}: {' / '.join(forms)}")
    for locale, forms in sorted(term.forbidden.items()):
        lines.append(f"  {locale} never: {' / '.join(forms)}")
    if term.case_sensitive:
        lines.append("  case sensitive")
    if term.note:
        lines.append(f"  note: {term.note}")
    return "\n".join(lines)
