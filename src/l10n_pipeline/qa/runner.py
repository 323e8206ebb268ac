"""Apply the checks to catalogs: catalogs × entries × checks → findings. No text rendering here."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..catalog import Catalog, Entry
from ..models import Finding, Issue, Severity
from .base import Check, CheckContext


@dataclass(frozen=True)
class CatalogStats:
    """How far a catalog is translated."""

    locale: str
    file: str
    total: int
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int

    @property
    def translated_share(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0

    @property
    def fuzzy_share(self) -> float:
        return 100.0 * self.fuzzy / self.total if self.total else 0.0


@dataclass
class CatalogResult:
    stats: CatalogStats
    findings: list[Finding] = field(default_factory=list)
    translated_msgids: set[str] = field(default_factory=set)  # for the across-locales view


def catalog_stats(catalog: Catalog, locale: str, file: str) -> CatalogStats:
    tally = _Tally()
    for entry in catalog.entries:
        tally.add(entry)
    return tally.stats(locale, file)


class _Tally:
    """Counts entries by state as they go by."""

    def __init__(self) -> None:
        self.live = self.translated = self.fuzzy = self.obsolete = 0

    def add(self, entry: Entry) -> None:
        if entry.obsolete:
            self.obsolete += 1
            return
        self.live += 1
        if entry.translated:
            self.translated += 1
        elif entry.fuzzy and entry.has_translation:
            self.fuzzy += 1

    def stats(self, locale: str, file: str) -> CatalogStats:
        return CatalogStats(
            locale=locale,
            file=file,
            total=self.live,
            translated=self.translated,
            fuzzy=self.fuzzy,
            untranslated=self.live - self.translated - self.fuzzy,
            obsolete=self.obsolete,
        )


def check_entries(entries: Iterable[Entry], file: str, checks: list[Check], ctx: CheckContext) -> CatalogResult:
    """Findings of every target-side check on every translated or fuzzy entry, read one at a time."""
    target_checks = [check for check in checks if not check.source_side]
    tally = _Tally()
    findings: list[Finding] = []
    translated: set[str] = set()
    for entry in entries:
        tally.add(entry)
        if entry.obsolete or not entry.has_translation:
            continue
        translated.add(entry.msgid)
        for target in _targets(entry):
            for check in target_checks:
                issues = check.check(entry.msgid, target, ctx)
                if issues:
                    findings.extend(_place(check, issue, entry, file, ctx.locale) for issue in issues)
    return CatalogResult(tally.stats(ctx.locale, file), findings, translated)


def combined(parts: list[CatalogResult]) -> CatalogResult:
    """One catalog's result from the results of its slices, in file order."""
    first = parts[0].stats
    stats = CatalogStats(
        locale=first.locale,
        file=first.file,
        **{name: sum(getattr(part.stats, name) for part in parts)
           for name in ("total", "translated", "fuzzy", "untranslated", "obsolete")},
    )
    findings = [finding for part in parts for finding in part.findings]
    return CatalogResult(stats, findings, set().union(*(part.translated_msgids for part in parts)))


def check_sources(template: Catalog, checks: list[Check], ctx: CheckContext) -> list[Finding]:
    """Findings of source-side checks, placed at each sentence's first source reference."""
    findings = []
    for entry in template.live_entries:
        for check in checks:
            if not getattr(check, "source_side", False):
                continue
            for issue in check.check(entry.msgid, entry.msgid, ctx):
                path, _, line = (entry.references[0] if entry.references else "").rpartition(":")
                findings.append(
                    Finding(
                        check=check.check_id,
                        severity=issue.severity or check.severity,
                        message=issue.message,
                        locale=ctx.source_locale,
                        file=path or None,
                        line=int(line) if line.isdigit() else None,
                        msgid=entry.msgid,
                        msgctxt=entry.msgctxt,
                        details=dict(issue.details),
                    )
                )
    return findings


def _targets(entry: Entry) -> list[str]:
    if entry.msgid_plural is None:
        return [entry.msgstr]
    return [text for _, text in sorted(entry.msgstr_plural.items()) if text]


def _place(check: Check, issue: Issue, entry: Entry, file: str, locale: str) -> Finding:
    severity = issue.severity or check.severity
    if entry.fuzzy and severity is Severity.ERROR:
        # msgmerge keeps stale numbers and names in fuzzy translations: worth a look, not a failure.
        severity = Severity.WARNING
    return Finding(
        check=check.check_id,
        severity=severity,
        message=issue.message,
        locale=locale,
        file=file,
        line=entry.line,
        msgid=entry.msgid,
        msgctxt=entry.msgctxt,
        details=dict(issue.details),
        waived=check.waived_by(entry.flags),
    )


def disagreements(findings: list[Finding], check_id: str, catalogs: list[CatalogResult]) -> list[dict]:
    """Per sentence, which locales disagree with the source on ``check_id`` and which agree."""
    wrong: dict[str, set[str]] = defaultdict(set)
    for finding in findings:
        if finding.check == check_id and not finding.waived and finding.msgid is not None and finding.locale:
            wrong[finding.msgid].add(finding.locale)
    rows = []
    for msgid in sorted(wrong, key=lambda m: (sorted(wrong[m]), m)):
        rows.append(
            {
                "msgid": msgid,
                "check": check_id,
                "disagree": sorted(wrong[msgid]),
                "agree": sorted({result.stats.locale for result in catalogs if msgid in result.translated_msgids}
                                - wrong[msgid]),
            }
        )
    return rows
