"""The stages chained in data-flow order: sources → segments → catalog → checks → outputs."""

from __future__ import annotations

import functools
import itertools
import zlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .catalog import Catalog
from .config import Config
from .errors import CatalogError, PipelineError
from .extract import build_template
from .fileio import atomic_write, atomic_write_stream, folder_lock
from .glossary import Glossary, load_glossary
from .ingest import read_articles
from .merge import MergeStats
from .mofile import build_mo, entry_messages, mo_messages
from .models import Article, Finding, Severity
from .pofile import PoSlice, po_slices, read_po, stream_po, validate_language, write_po
from .qa.base import CheckContext
from .qa.registry import enabled_checks
from .qa.runner import CatalogResult, check_entries, check_sources, combined, disagreements
from .update import update_catalog


def glossary_file(config: Config, override: Path | None = None) -> Path | None:
    """The glossary to check against: the one given, else the project's when it exists."""
    if override is not None:
        return override
    return config.glossary if config.glossary is not None and config.glossary.exists() else None


def project_glossary(config: Config, override: Path | None = None) -> Glossary | None:
    return _glossary(glossary_file(config, override))


@dataclass(frozen=True)
class Inputs:
    """Everything ``extract`` and ``update`` read, validated before either writes a file."""

    articles: list[Article]
    previous_template: Catalog | None
    glossary: Glossary | None
    catalogs: dict[str, Catalog | None]


def read_inputs(config: Config) -> Inputs:
    """Read and validate every input of a run: sources, template, glossary and each existing catalog."""
    return Inputs(
        articles=source_articles(config),
        previous_template=read_po(config.pot_path) if config.pot_path.exists() else None,
        glossary=project_glossary(config),
        catalogs=existing_catalogs(config),
    )


def source_articles(config: Config) -> list[Article]:
    articles = read_articles(config.source_dir, config.root)
    if not articles:
        raise PipelineError("no articles (*.md) found", path=config.relative(config.source_dir), hint="add source texts")
    return articles


def existing_catalogs(config: Config) -> dict[str, Catalog | None]:
    """Each locale's catalog as on disk (None where there is none yet), header Language checked."""
    return {
        locale: read_catalog(config.po_path(locale)) if config.po_path(locale).exists() else None
        for locale in config.all_locales
    }


def read_catalog(path: Path) -> Catalog:
    """A PO catalog whose header names a locale CLDR knows."""
    catalog = read_po(path)
    validate_language(catalog)
    return catalog


def read_template(config: Config) -> Catalog:
    if not config.pot_path.exists():
        raise PipelineError("no template catalog", path=config.relative(config.pot_path), hint="run `l10n extract` first")
    return read_po(config.pot_path)


def extract(config: Config, inputs: Inputs | None = None) -> tuple[Catalog, bool]:
    """Write the POT; returns it and whether the file changed."""
    if inputs is None:
        articles = source_articles(config)
        previous = read_po(config.pot_path) if config.pot_path.exists() else None
    else:
        articles, previous = inputs.articles, inputs.previous_template
    template = build_template(articles, config, previous)
    with folder_lock(config.locales_dir):
        changed = atomic_write_stream(config.pot_path, lambda stream: write_po(template, stream))
    return template, changed


def update(config: Config, template: Catalog | None = None, inputs: Inputs | None = None) -> dict[str, MergeStats]:
    """Merge the template into every locale's catalog (creating missing ones).

    Every catalog and the glossary are read and validated before the first one is written.
    """
    template = template or read_template(config)
    glossary = inputs.glossary if inputs else project_glossary(config)
    stats = {}
    with folder_lock(config.locales_dir):
        # Read under the lock, so no other writer's result is merged from a stale copy.
        existing = inputs.catalogs if inputs else existing_catalogs(config)
        for locale in config.all_locales:
            catalog, stats[locale] = update_catalog(template, existing[locale], locale, config, glossary)
            atomic_write_stream(config.po_path(locale), lambda stream: write_po(catalog, stream))
    return stats


def compile_catalogs(config: Config, po_paths: list[Path] | None = None, jobs: int = 1) -> list[Path]:
    """Write a .mo beside each catalog; returns the ones whose bytes changed.

    Every catalog is read and compiled in memory first, so one broken catalog leaves all MO files as they were.
    """
    paths = po_paths or [config.po_path(locale) for locale in config.all_locales if config.po_path(locale).exists()]
    with folder_lock(config.locales_dir):
        compiled = list(_map(compile_catalog, paths, jobs))
        return [path.with_suffix(".mo") for path, data in zip(paths, compiled) if atomic_write(path.with_suffix(".mo"), data)]


def compile_catalog(po_path: Path) -> bytearray:
    """The MO bytes of one catalog, read entry by entry: only the strings the MO file holds are kept."""
    try:
        stream = stream_po(po_path, keep_keys=False)
        validate_language(Catalog(header=stream.header, path=str(po_path)))
        messages = entry_messages(stream.header, stream.entries)
    except CatalogError:
        messages = mo_messages(read_catalog(po_path))  # raises the file's first error, placed exactly
    return build_mo(messages)


@dataclass
class CheckRun:
    """Everything ``l10n check`` found, before it is rendered."""

    catalogs: list[CatalogResult] = field(default_factory=list)
    source_findings: list[Finding] = field(default_factory=list)
    gate_findings: list[Finding] = field(default_factory=list)
    cross_locale: list[dict] = field(default_factory=list)
    check_ids: tuple[str, ...] = ()

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
    progress: Callable[[int, int, str], None] | None = None,
    jobs: int = 1,
    shard: tuple[int, int] | None = None,
) -> CheckRun:
    """Run every enabled check on the given catalogs (default: all target catalogs of the project).

    ``jobs`` > 1 checks in parallel processes with the same result as one; ``shard`` (i, n) keeps the
    catalogs whose path falls in shard i of n, so CI jobs can split a large project between them.
    """
    glossary_path = glossary_file(config, glossary_path)
    glossary = _glossary(glossary_path)  # loaded, and so validated, before any worker starts
    checks = enabled_checks(check_ids if check_ids is not None else config.checks)
    targets = _check_targets(config, po_paths)
    if shard is not None:
        targets = [target for target in targets if in_shard(config.relative(target[0]), *shard)]
    check_ids = tuple(check.check_id for check in checks)
    tasks = [
        CheckTask(number, path, config.relative(path), locale, piece, glossary_path, check_ids, config.source_locale)
        for number, (path, locale) in enumerate(targets)
        for piece in po_slices(path, _parts_for(path, jobs))
    ]
    run = CheckRun(check_ids=check_ids)
    outcomes: list[SliceResult] = []
    for done, outcome in enumerate(_map(run_check_task, tasks, jobs)):
        if progress:
            progress(done + 1, len(tasks), outcome.task.shown)
        outcomes.append(outcome)
    for _, slices in itertools.groupby(outcomes, key=lambda outcome: outcome.task.catalog):
        run.catalogs.append(_catalog_result(list(slices)))
    if po_paths is None and config.pot_path.exists() and (shard is None or shard[0] == 1):
        ctx = CheckContext(locale=config.source_locale, source_locale=config.source_locale, glossary=glossary)
        run.source_findings = check_sources(read_po(config.pot_path), checks, ctx)
    run.gate_findings = release_gate(config, run.catalogs)
    run.cross_locale = disagreements(run.findings, "numbers", run.catalogs)
    return run


def in_shard(path: str, index: int, count: int) -> bool:
    """Whether a catalog belongs to shard ``index`` of ``count`` (1-based), by a stable hash of its path."""
    return zlib.crc32(path.encode("utf-8")) % count == index - 1


@dataclass(frozen=True)
class CheckTask:
    """One slice of one catalog to check; small and picklable, so it can go to another process."""

    catalog: int  # the catalog's place in the run
    path: Path
    shown: str
    locale: str | None
    piece: PoSlice
    glossary_file: Path | None
    check_ids: tuple[str, ...]
    source_locale: str


@dataclass
class SliceResult:
    """What checking one slice gave: a result, or the error that stopped it, and the keys it read."""

    task: CheckTask
    result: CatalogResult | None
    error: CatalogError | None
    keys: frozenset[tuple[str | None, str]]


def run_check_task(task: CheckTask) -> SliceResult:
    """Check one slice as it is read, so no process ever holds a whole catalog."""
    try:
        stream = stream_po(task.path, task.piece)
        language = validate_language(Catalog(header=stream.header, path=str(task.path)))
        locale = task.locale or language
        ctx = CheckContext(locale=locale, source_locale=task.source_locale, glossary=_glossary(task.glossary_file))
        result = check_entries(stream.entries, task.shown, enabled_checks(task.check_ids), ctx)
    except CatalogError as error:
        return SliceResult(task, None, error, frozenset())
    whole_file = task.piece.start == 0 and task.piece.end == task.path.stat().st_size
    return SliceResult(task, result, None, frozenset() if whole_file else frozenset(stream.keys))


def _catalog_result(slices: list[SliceResult]) -> CatalogResult:
    """The catalog's result from its slices' results.

    A slice sees only its own entries: when one failed, or two share a key (a duplicate), the whole
    file is read at once, which raises the file's first error, placed as a plain read places it.
    """
    failed = next((piece.error for piece in slices if piece.error is not None), None)
    if failed is not None or _shared_keys(slices):
        read_po(slices[0].task.path)
        if failed is not None:
            raise failed  # an error of the header's Language, which reading alone does not check
    return combined([piece.result for piece in slices if piece.result is not None])


def _shared_keys(slices: list[SliceResult]) -> bool:
    seen: set[tuple[str | None, str]] = set()
    for piece in slices:
        if not seen.isdisjoint(piece.keys):
            return True
        seen |= piece.keys
    return False


@functools.lru_cache(maxsize=4)
def _glossary(path: Path | None) -> Glossary | None:
    return load_glossary(path) if path is not None else None


# A catalog this large is worth splitting between processes; smaller ones go whole.
SPLIT_BYTES = 4_000_000


def _parts_for(path: Path, jobs: int) -> int:
    try:
        size = path.stat().st_size
    except OSError:
        return 1
    return max(1, min(jobs, size // SPLIT_BYTES + 1)) if jobs > 1 else 1


def _map(function, tasks: list, jobs: int):
    if jobs <= 1 or len(tasks) <= 1:
        return map(function, tasks)
    executor = ProcessPoolExecutor(max_workers=min(jobs, len(tasks)))
    try:
        return list(executor.map(function, tasks))
    finally:
        executor.shutdown()


def _check_targets(config: Config, po_paths: list[Path] | None) -> list[tuple[Path, str | None]]:
    """The catalogs to check and their locale (None: read it from the catalog's header)."""
    if po_paths:
        for path in po_paths:
            if not path.is_file():
                raise PipelineError("no such catalog", path=str(path), hint="give the path of a PO file")
        return [(path, None) for path in po_paths]
    return [
        (config.po_path(locale), locale)
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
                ("min_translated", f"{stats.translated_share:.1f}% translated, below the release threshold of {policy.min_translated:g}%")
            )
        if stats.fuzzy_share > policy.max_fuzzy:
            problems.append(("max_fuzzy", f"{stats.fuzzy_share:.1f}% fuzzy, above the limit of {policy.max_fuzzy:g}%"))
        for limit, problem in problems:
            findings.append(
                Finding(
                    check="release",
                    severity=Severity.ERROR if policy.blocking else Severity.INFO,
                    message=f"{stats.locale} is {problem}" + ("" if policy.blocking else " (not release-blocking)"),
                    locale=stats.locale,
                    file=stats.file,
                    line=1,
                    details={
                        "limit": limit,
                        "translated_share": round(stats.translated_share, 2),
                        "fuzzy_share": round(stats.fuzzy_share, 2),
                        "min_translated": policy.min_translated,
                        "max_fuzzy": policy.max_fuzzy,
                        "blocking": policy.blocking,
                    },
                )
            )
    return findings
