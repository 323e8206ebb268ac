"""How far each locale is: the table ``l10n run`` and ``l10n status`` print."""

from __future__ import annotations

import json

from .config import Config
from .models import Severity
from .pipeline import CheckRun

SCHEMA_VERSION = 1
BAR_WIDTH = 20


def status_rows(config: Config, run: CheckRun) -> list[dict]:
    """One row per checked catalog: counts, share, unwaived errors and warnings, release readiness."""
    rows = []
    findings = run.findings  # sorted on each access: once for every catalog
    for result in run.catalogs:
        stats = result.stats
        live = [f for f in findings if f.file == stats.file and not f.waived]
        errors = sum(f.severity is Severity.ERROR for f in live)
        policy = config.policy(stats.locale)
        ready = (
            stats.translated_share >= policy.min_translated
            and stats.fuzzy_share <= policy.max_fuzzy
            and errors == 0
        )
        rows.append(
            {
                "locale": stats.locale,
                "file": stats.file,
                "segments": stats.total,
                "translated": stats.translated,
                "fuzzy": stats.fuzzy,
                "untranslated": stats.untranslated,
                "obsolete": stats.obsolete,
                "translated_share": round(stats.translated_share, 2),
                "fuzzy_share": round(stats.fuzzy_share, 2),
                "errors": errors,
                "warnings": sum(f.severity is Severity.WARNING for f in live),
                "waived": sum(f.waived for f in result.findings),
                "min_translated": policy.min_translated,
                "max_fuzzy": policy.max_fuzzy,
                "blocking": policy.blocking,
                "release_ready": ready,
            }
        )
    return rows


def share_bar(share: float, width: int = BAR_WIDTH) -> str:
    """A bar of ``width`` cells, filled in proportion to ``share`` percent.

    >>> share_bar(50, 4)
    '██░░'
    """
    filled = max(0, min(width, round(width * share / 100)))
    return "█" * filled + "░" * (width - filled)


def status_table(config: Config, run: CheckRun) -> str:
    """The per-locale table, in plain text."""
    header = (
        f"{'locale':<8}{'segments':>9}{'translated':>11}{'fuzzy':>7}{'untransl.':>10}  "
        f"{'share':<28}{'errors':>7}{'warnings':>9}  ready"
    )
    lines = [header, "-" * len(header)]
    for row in status_rows(config, run):
        ready = "yes" if row["release_ready"] else ("no" if row["blocking"] else "no (not blocking)")
        lines.append(
            f"{row['locale']:<8}{row['segments']:>9}{row['translated']:>11}{row['fuzzy']:>7}{row['untranslated']:>10}  "
            f"{share_bar(row['translated_share'])} {row['translated_share']:>5.1f}%{row['errors']:>7}{row['warnings']:>9}  {ready}"
        )
    return "\n".join(lines) + "\n"


def status_document(config: Config, run: CheckRun) -> dict:
    """The table as data for scripts, with a schema version and whether the release may ship."""
    rows = status_rows(config, run)
    return {
        "schema_version": SCHEMA_VERSION,
        "locales": rows,
        "release_ready": all(row["release_ready"] for row in rows if row["blocking"]),
    }


def status_json(config: Config, run: CheckRun) -> str:
    return json.dumps(status_document(config, run), ensure_ascii=False, indent=2) + "\n"
