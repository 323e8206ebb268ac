"""Apply the checks to catalogs: catalogs × entries × checks → findings. No text rendering here."""

from __future__ import annotations

from collections import defaultdict
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
    live = catalog.live_entries
    translated = sum(entry.translated for entry in live)
    fuzzy = sum(entry.fuzzy and entry.has_translation for entry in live)
    return CatalogStats(
        locale=locale,
        file=file,
        total=len(live),
        translated=translated,
        fuzzy=fuzzy,
        untranslated=len(live) - translated - fuzzy,
        obsolete=len(catalog.obsolete_entries),
    )


def check_catalog(
    catalog: Catalog, file: str, checks: list[Check], ctx: CheckContext, part: tuple[int, int] = (0, 1)
) -> CatalogResult:
    """Findings of every target-side check on every translated or fuzzy entry.

    ``part`` (i, n) checks only the i-th of n equal slices of the entries, for parallel workers.
    """
    result = CatalogResult(catalog_stats(catalog, ctx.locale, file))
    live = catalog.live_entries
    index, count = part
    size = -(-len(live) // count)
    for entry in live[index * size : (index + 1) * size]:
        if not entry.has_translation:
            continue
        result.translated_msgids.add(entry.msgid)
        for target in _targets(entry):
            for check in checks:
                if getattr(check, "source_side", False):
                    continue
                issues = check.check(entry.msgid, target, ctx)
                result.findings.extend(_place(check, issue, entry, file, ctx.locale) for issue in issues)
    return result


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


def disagreements(findings: list[Finding], check_id: str, translated_in: dict[str, set[str]]) -> list[dict]:
    """Per sentence, which locales disagree with the source on ``check_id`` and which agree.

    ``translated_in`` maps each msgid to the locales where it is translated.
    """
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
                "agree": sorted(translated_in.get(msgid, set()) - wrong[msgid]),
            }
        )
    return rows
