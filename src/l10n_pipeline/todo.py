"""A translator's work list: the entries of one locale that need work, with what helps to do it."""

from __future__ import annotations

import json
from copy import deepcopy
from dataclasses import dataclass

from . import pipeline
from .catalog import Catalog, Entry
from .config import Config
from .errors import PipelineError
from .glossary import Glossary, glossary_hint
from .models import Finding
from .numerals import numbers_hint
from .pofile import format_po, read_po

SCHEMA_VERSION = 1
GLOSSARY_PREFIX = "glossary:"
NUMBERS_PREFIX = "numbers:"
CHECK_PREFIX = "check: "


@dataclass(frozen=True)
class TodoItem:
    """One entry that needs work, and why."""

    entry: Entry
    reasons: tuple[str, ...]  # "untranslated", "fuzzy", or the ids of the checks it fails
    findings: tuple[Finding, ...]
    glossary: str | None  # approved forms of the names in the sentence
    numbers: str | None  # the numbers the translation must keep

    @property
    def translation(self) -> str:
        if self.entry.msgid_plural is None:
            return self.entry.msgstr
        return " | ".join(text for _, text in sorted(self.entry.msgstr_plural.items()))


def todo_items(
    catalog: Catalog,
    findings: list[Finding],
    locale: str,
    source_locale: str = "en",
    glossary: Glossary | None = None,
) -> list[TodoItem]:
    """The entries that are untranslated, fuzzy or fail an unwaived check, in catalog order."""
    by_entry: dict[tuple[str | None, str], list[Finding]] = {}
    for finding in findings:
        if not finding.waived and finding.msgid is not None:
            by_entry.setdefault((finding.msgctxt, finding.msgid), []).append(finding)
    items = []
    for entry in catalog.live_entries:
        entry_findings = tuple(by_entry.get(entry.key, ()))
        reasons = _reasons(entry, entry_findings)
        if reasons:
            items.append(
                TodoItem(
                    entry=entry,
                    reasons=reasons,
                    findings=entry_findings,
                    glossary=_glossary_forms(entry, glossary, locale),
                    numbers=_numbers_to_keep(entry, source_locale),
                )
            )
    return items


def _reasons(entry: Entry, findings: tuple[Finding, ...]) -> tuple[str, ...]:
    reasons = []
    if not entry.has_translation:
        reasons.append("untranslated")
    elif entry.fuzzy:
        reasons.append("fuzzy")
    reasons.extend(dict.fromkeys(finding.check for finding in findings))
    return tuple(reasons)


def _comment(entry: Entry, prefix: str) -> str | None:
    for comment in entry.extracted_comments:
        if comment.startswith(prefix):
            return comment[len(prefix):].strip()
    return None


def _glossary_forms(entry: Entry, glossary: Glossary | None, locale: str) -> str | None:
    """The catalog's ``glossary:`` comment, else the hint computed from the glossary."""
    written = _comment(entry, GLOSSARY_PREFIX)
    if written or glossary is None:
        return written
    hint = glossary_hint(glossary, entry.msgid, locale)
    return hint.removeprefix(GLOSSARY_PREFIX).strip() if hint else None


def _numbers_to_keep(entry: Entry, source_locale: str) -> str | None:
    """The catalog's ``numbers:`` comment, else the hint computed from the source sentence."""
    written = _comment(entry, NUMBERS_PREFIX)
    if written:
        return written
    hint = numbers_hint(entry.msgid, source_locale)
    return hint.removeprefix(NUMBERS_PREFIX).strip() if hint else None


def todo_text(items: list[TodoItem], file: str) -> str:
    """A readable list: where each sentence stands, why it needs work, and what helps."""
    blocks = []
    for number, item in enumerate(items, 1):
        lines = [f"{file}:{item.entry.line}: {', '.join(item.reasons)}"]
        if item.entry.references:
            lines.append(f"  source:      {' '.join(item.entry.references)}")
        if item.entry.msgctxt:
            lines.append(f"  context:     {item.entry.msgctxt}")
        lines.append(f"  english:     {_flat(item.entry.msgid)}")
        lines.append(f"  translation: {_flat(item.translation) or '(none)'}")
        if item.glossary:
            lines.append(f"  glossary:    {item.glossary}")
        if item.numbers:
            lines.append(f"  numbers:     {item.numbers}")
        lines.extend(f"  {f.severity.value}[{f.check}]: {f.message}" for f in item.findings)
        blocks.append(f"{number}. " + "\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def todo_document(items: list[TodoItem], locale: str, file: str) -> dict:
    """The work list as JSON-ready data, with a schema version."""
    return {
        "schema_version": SCHEMA_VERSION,
        "locale": locale,
        "file": file,
        "entries": [
            {
                "line": item.entry.line,
                "references": item.entry.references,
                "msgctxt": item.entry.msgctxt,
                "msgid": item.entry.msgid,
                "msgstr": item.translation,
                "reasons": list(item.reasons),
                "glossary": item.glossary,
                "numbers": item.numbers,
                "findings": [
                    {"check": f.check, "severity": f.severity.value, "message": f.message, "details": f.details}
                    for f in item.findings
                ],
            }
            for item in items
        ],
    }


def todo_json(items: list[TodoItem], locale: str, file: str) -> str:
    return json.dumps(todo_document(items, locale, file), ensure_ascii=False, indent=2, default=str) + "\n"


def todo_catalog(catalog: Catalog, items: list[TodoItem]) -> Catalog:
    """A PO subset to edit: the catalog's header and the entries to work on, hints as ``#.`` comments."""
    entries = [_annotated(item) for item in items]
    return Catalog(header=deepcopy(catalog.header), entries=entries, path=catalog.path)


def _annotated(item: TodoItem) -> Entry:
    entry = deepcopy(item.entry)
    comments = [c for c in entry.extracted_comments if not c.startswith(CHECK_PREFIX)]
    if item.glossary and _comment(entry, GLOSSARY_PREFIX) is None:
        comments.append(f"{GLOSSARY_PREFIX} {item.glossary}")
    if item.numbers and _comment(entry, NUMBERS_PREFIX) is None:
        comments.append(f"{NUMBERS_PREFIX} {item.numbers}")
    comments.extend(f"{CHECK_PREFIX}{f.check}: {_flat(f.message)}" for f in item.findings)
    entry.extracted_comments = comments
    return entry


def _flat(text: str) -> str:
    return text.replace("\n", "\\n")


@dataclass(frozen=True)
class LocaleTodo:
    """The work list of one locale's catalog."""

    locale: str
    file: str
    catalog: Catalog
    items: list[TodoItem]

    def counts(self) -> dict[str, int]:
        """How many entries need work for each reason."""
        counts: dict[str, int] = {}
        for item in self.items:
            for reason in item.reasons:
                counts[reason] = counts.get(reason, 0) + 1
        return counts


def locale_todo(config: Config, locale: str) -> LocaleTodo:
    """Check the locale's catalog and collect the entries that need work."""
    if locale not in config.locales or locale == config.source_locale:
        known = ", ".join(loc for loc in config.locales if loc != config.source_locale)
        raise PipelineError(f"{locale!r} is not a target locale of this project", hint=f"choose one of {known}")
    path = config.po_path(locale)
    if not path.exists():
        raise PipelineError("no catalog for this locale", path=config.relative(path), hint="run `l10n update` first")
    run = pipeline.check(config, [path])
    catalog = read_po(path)
    glossary = pipeline.project_glossary(config)
    items = todo_items(catalog, run.findings, locale, config.source_locale, glossary)
    return LocaleTodo(locale, config.relative(path), catalog, items)


def render_todo(todo: LocaleTodo, output_format: str) -> str:
    """The work list as text, json or a PO subset."""
    if output_format == "json":
        return todo_json(todo.items, todo.locale, todo.file)
    if output_format == "po":
        return format_po(todo_catalog(todo.catalog, todo.items))
    return todo_text(todo.items, todo.file)


TODO_FORMATS = ("text", "po", "json")
