"""The stages chained in data-flow order: sources → segments → catalog → checks → outputs."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .catalog import Catalog
from .config import Config
from .errors import PipelineError
from .extract import build_template
from .fileio import atomic_write, folder_lock
from .glossary import Glossary, load_glossary
from .ingest import read_articles
from .merge import MergeStats
from .mofile import format_mo
from .models import Finding, Severity
from .pofile import format_po, read_po, validate_language
from .qa.base import CheckContext
from .qa.registry import enabled_checks
from .qa.runner import CatalogResult, check_catalog, check_sources, disagreements
from .update import update_catalog


def project_glossary(config: Config, override: Path | None = None) -> Glossary | None:
    path = override or config.glossary
    if path is None or (override is None and not path.exists()):
        return None
    return load_glossary(path)


def extract(config: Config) -> tuple[Catalog, bool]:
    """Write the POT; returns it and whether the file changed."""
    articles = read_articles(config.source_dir, config.root)
    if not articles:
        raise PipelineError("no articles (*.md) found", path=config.relative(config.source_dir), hint="add source texts")
    previous = read_po(config.pot_path) if config.pot_path.exists() else None
    template = build_template(articles, config, previous)
    with folder_lock(config.locales_dir):
        changed = atomic_write(config.pot_path, format_po(template))
    return template, changed


def update(config: Config, template: Catalog | None = None) -> dict[str, MergeStats]:
    """Merge the template into every locale's catalog (creating missing ones)."""
    template = template or read_po(config.pot_path)
    glossary = project_glossary(config)
    existing = {
        locale: read_po(config.po_path(locale)) if config.po_path(locale).exists() else None
        for locale in config.all_locales
    }
    stats = {}
    with folder_lock(config.locales_dir):
        for locale in config.all_locales:
            catalog, stats[locale] = update_catalog(template, existing[locale], locale, config, glossary)
            atomic_write(config.po_path(locale), format_po(catalog))
    return stats


def compile_catalogs(config: Config, po_paths: list[Path] | None = None) -> list[Path]:
    """Write a .mo beside each catalog; returns the ones whose bytes changed."""
    paths = po_paths or [config.po_path(locale) for locale in config.all_locales if config.po_path(locale).exists()]
    catalogs = [(path, read_po(path)) for path in paths]
    written = []
    with folder_lock(config.locales_dir):
        for path, catalog in catalogs:
            if atomic_write(path.with_suffix(".mo"), format_mo(catalog)):
                written.append(path.with_suffix(".mo"))
    return written


@dataclass
class CheckRun:
    """Everything ``l10n check`` found, before it is rendered."""

    catalogs: list[CatalogResult] = field(default_factory=list)
    source_findings: list[Finding] = field(default_factory=list)
    gate_findings: list[Finding] = field(default_factory=list)
    cross_locale: list[dict] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        everything = [*self.source_findings, *self.gate_findings]
        for result in self.catalogs:
            everything.extend(result.findings)
        return sorted(everything, key=finding_order)


def finding_order(finding: Finding) -> tuple:
    return (finding.file or "", finding.line or 0, finding.check, finding.message)


def check(
    config: Config,
    po_paths: list[Path] | None = None,
    glossary_path: Path | None = None,
    check_ids: tuple[str, ...] | None = None,
) -> CheckRun:
    """Run every enabled check on the given catalogs (default: all target catalogs of the project)."""
    glossary = project_glossary(config, glossary_path)
    checks = enabled_checks(check_ids if check_ids is not None else config.checks)
    targets = _check_targets(config, po_paths)
    run = CheckRun()
    for path, catalog, locale in targets:
        ctx = CheckContext(locale=locale, source_locale=config.source_locale, glossary=glossary)
        run.catalogs.append(check_catalog(catalog, config.relative(path), checks, ctx))
    if po_paths is None and config.pot_path.exists():
        ctx = CheckContext(locale=config.source_locale, source_locale=config.source_locale, glossary=glossary)
        run.source_findings = check_sources(read_po(config.pot_path), checks, ctx)
    run.gate_findings = release_gate(config, run.catalogs)
    translated_in: dict[str, set[str]] = defaultdict(set)
    for path, catalog, locale in targets:
        for entry in catalog.live_entries:
            if entry.has_translation:
                translated_in[entry.msgid].add(locale)
    run.cross_locale = disagreements(run.findings, "numbers", translated_in)
    return run


def _check_targets(config: Config, po_paths: list[Path] | None) -> list[tuple[Path, Catalog, str]]:
    if po_paths:
        targets = []
        for path in po_paths:
            catalog = read_po(path)
            targets.append((path, catalog, validate_language(catalog)))
        return targets
    return [
        (config.po_path(locale), read_po(config.po_path(locale)), locale)
        for locale in config.locales
        if locale != config.source_locale and config.po_path(locale).exists()
    ]


def release_gate(config: Config, results: list[CatalogResult]) -> list[Finding]:
    """A finding for each locale below its release threshold: an error when the locale blocks."""
    findings = []
    for result in results:
        stats = result.stats
        policy = config.policy(stats.locale)
        problems = []
        if stats.translated_share < policy.min_translated:
            problems.append(
                f"{stats.translated_share:.1f}% translated, below the release threshold of {policy.min_translated:g}%"
            )
        if stats.fuzzy_share > policy.max_fuzzy:
            problems.append(f"{stats.fuzzy_share:.1f}% fuzzy, above the limit of {policy.max_fuzzy:g}%")
        for problem in problems:
            findings.append(
                Finding(
                    check="release",
                    severity=Severity.ERROR if policy.blocking else Severity.INFO,
                    message=f"{stats.locale} is {problem}" + ("" if policy.blocking else " (not release-blocking)"),
                    locale=stats.locale,
                    file=stats.file,
                    line=1,
                    details={
                        "translated_share": round(stats.translated_share, 2),
                        "fuzzy_share": round(stats.fuzzy_share, 2),
                        "min_translated": policy.min_translated,
                        "max_fuzzy": policy.max_fuzzy,
                        "blocking": policy.blocking,
                    },
                )
            )
    return findings
