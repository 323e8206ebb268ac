"""Second, harder holdout of the glossary check on real article sentences.

The TSVs hold source, target and expected verdict (`ok` or `defect:<kind>`), written
independently of the check and against a glossary of their own. A row counts as flagged
when the check reports any issue. Run with `pytest tests/test_holdout2_glossary.py -s`
to see precision, recall and every misclassified row.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from evaluation import Row, Verdict, read_rows, report, score

from l10n_pipeline.glossary import Glossary, check_translation, load_glossary

DATA = Path(__file__).resolve().parent / "data" / "glossary"
LOCALES = ("az", "ru", "tr")

# The measured score rounded down to 0.05; raise it as the check improves.
FLOOR = 0.95


def locale_rows(locale: str) -> list[Row]:
    """Every row of one locale's TSV."""
    return read_rows(DATA / f"holdout2_{locale}.tsv", locale)


@cache
def glossary() -> Glossary:
    """The glossary this holdout is checked against."""
    return load_glossary(DATA / "holdout2_glossary.yaml")


@cache
def verdicts(locale: str) -> tuple[Verdict, ...]:
    """The check's verdict on every row of one locale."""
    return tuple(judge(row) for row in locale_rows(locale))


def judge(row: Row) -> Verdict:
    """Run the glossary check on one row; any issue flags it."""
    issues = check_translation(glossary(), row.source, row.target, row.locale)
    return Verdict(row, bool(issues), "; ".join(issue.message for issue in issues))


def test_every_locale_has_enough_rows_and_defects() -> None:
    for locale in LOCALES:
        rows = locale_rows(locale)
        defects = sum(row.is_defect for row in rows)
        assert len(rows) >= 80
        assert 0.3 <= defects / len(rows) <= 0.45


@pytest.mark.parametrize("locale", LOCALES)
def test_locale_precision_and_recall(locale: str) -> None:
    result = score(verdicts(locale))
    assert result.precision >= FLOOR
    assert result.recall >= FLOOR


def test_overall_precision_and_recall() -> None:
    scores = report("glossary holdout2", [verdict for locale in LOCALES for verdict in verdicts(locale)])
    result = scores["all"]
    assert result.precision >= FLOOR
    assert result.recall >= FLOOR
