"""Stage 4: the template merged into each locale's catalog, with headers and translator hints."""

from __future__ import annotations

from babel import Locale
from babel.messages.plurals import get_plural

from .catalog import Catalog, Entry
from .config import Config
from .glossary import Glossary, glossary_hint
from .merge import MergeStats, merge_catalog

GLOSSARY_COMMENT = "glossary: "


def update_catalog(
    template: Catalog, existing: Catalog | None, locale: str, config: Config, glossary: Glossary | None
) -> tuple[Catalog, MergeStats]:
    """Merge ``template`` into the locale's catalog; a translator's work is never dropped."""
    catalog, stats = merge_catalog(template, existing)
    if existing is None:
        catalog.header = Entry(
            msgid="",
            translator_comments=[
                f"{Locale.parse(locale).english_name} translations of the {config.domain} of {config.project_name}."
            ],
        )
        catalog.set_metadata(new_catalog_metadata(template, locale, config))
    else:
        catalog.header.flags = [flag for flag in catalog.header.flags if flag != "fuzzy"]
    if locale == config.source_locale:
        _fill_source_language(catalog)
    for entry in catalog.live_entries:
        _set_glossary_hint(entry, glossary, locale)
    return catalog, stats


def new_catalog_metadata(template: Catalog, locale: str, config: Config) -> dict[str, str]:
    plural = get_plural(locale)
    language = Locale.parse(locale)
    created = template.metadata.get("POT-Creation-Date", "")
    return {
        "Project-Id-Version": config.project_name,
        "Report-Msgid-Bugs-To": config.bugs_address,
        "POT-Creation-Date": created,
        "PO-Revision-Date": created,
        "Last-Translator": "",
        "Language-Team": f"{language.english_name} <>",
        "Language": locale,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": f"nplurals={plural.num_plurals}; plural={plural.plural_expr};",
    }


def _fill_source_language(catalog: Catalog) -> None:
    """The source-language catalog translates every sentence to itself."""
    for entry in catalog.live_entries:
        entry.msgstr = entry.msgid
        entry.set_flag("fuzzy", False)
        entry.previous_msgid = None
        entry.previous_msgctxt = None


def _set_glossary_hint(entry: Entry, glossary: Glossary | None, locale: str) -> None:
    comments = [c for c in entry.extracted_comments if not c.startswith(GLOSSARY_COMMENT)]
    hint = glossary_hint(glossary, entry.msgid, locale) if glossary else None
    if hint:
        comments.append(hint if hint.startswith(GLOSSARY_COMMENT) else GLOSSARY_COMMENT + hint)
    entry.extracted_comments = comments
