"""Second, harder holdout of the glossary check on real article sentences.

The TSVs hold source, target and expected verdict (`ok` or `defect:<kind>`), written
independently of the check and against a glossary of their own. A row counts as flagged
when the check reports any issue. Run with `pytest tests/test_holdout2_glossary.py -s`
to see precision, recall and every misclassified row.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from l10n_pipeline.glossary import Glossary, check_translation, load_glossary

DATA = Path(__file__).resolve().parent / "data" / "glossary"
LOCALES = ("az", "ru", "tr")

# The measured score rounded down to 0.05; raise it as the check improves.
FLOOR = 0.95


@dataclass(frozen=True)
class Row:
    """One holdout pair and its expected verdict."""

    locale: str
    line: int
    source: str
    target: str
    expected: str

    @property
    def is_defect(self) -> bool:
        """True if the row carries a defect."""
        return self.expected.startswith("defect:")


@dataclass(frozen=True)
class Verdict:
    """What the check said about one row."""

    row: Row
    messages: tuple[str, ...]

    @property
    def flagged(self) -> bool:
        """True if the check reported at least one issue."""
        return bool(self.messages)

    @property
    def correct(self) -> bool:
        """True if flagging matches the expected verdict."""
        return self.flagged == self.row.is_defect


@dataclass(frozen=True)
class Score:
    """Precision and recall of a group of verdicts."""

    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        """Share of flagged rows that really carry a defect."""
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        """Share of defective rows that were flagged."""
        defects = self.true_positives + self.false_negatives
        return self.true_positives / defects if defects else 1.0


def read_rows(locale: str) -> list[Row]:
    """Read one locale's TSV; lines starting with '#' are comments."""
    path = DATA / f"holdout2_{locale}.tsv"
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        source, target, expected = line.split("\t")
        rows.append(Row(locale, number, source, target, expected))
    return rows


@cache
def glossary() -> Glossary:
    """The glossary this holdout is checked against."""
    return load_glossary(DATA / "holdout2_glossary.yaml")


@cache
def verdicts(locale: str) -> tuple[Verdict, ...]:
    """The check's verdict on every row of one locale."""
    return tuple(judge(row) for row in read_rows(locale))


def judge(row: Row) -> Verdict:
    """Run the glossary check on one row."""
    issues = check_translation(glossary(), row.source, row.target, row.locale)
    return Verdict(row, tuple(issue.message for issue in issues))


def score(group: list[Verdict]) -> Score:
    """Confusion counts of a group of verdicts."""
    return Score(
        true_positives=sum(v.flagged and v.row.is_defect for v in group),
        false_positives=sum(v.flagged and not v.row.is_defect for v in group),
        false_negatives=sum(not v.flagged and v.row.is_defect for v in group),
    )


def report(label: str, group: list[Verdict]) -> None:
    """Print the score of a group and each row the check got wrong."""
    result = score(group)
    print(f"\n{label}: {len(group)} rows, precision {result.precision:.3f}, recall {result.recall:.3f}")
    for verdict in group:
        if not verdict.correct:
            row = verdict.row
            said = "; ".join(verdict.messages) or "no issue"
            print(f"  {row.locale}:{row.line} expected {row.expected}, check said: {said}")
            print(f"    source: {row.source}")
            print(f"    target: {row.target}")


def test_every_locale_has_enough_rows_and_defects() -> None:
    for locale in LOCALES:
        rows = read_rows(locale)
        defects = sum(row.is_defect for row in rows)
        assert len(rows) >= 80
        assert 0.3 <= defects / len(rows) <= 0.45


@pytest.mark.parametrize("locale", LOCALES)
def test_locale_precision_and_recall(locale: str) -> None:
    group = list(verdicts(locale))
    report(locale, group)
    result = score(group)
    assert result.precision >= FLOOR
    assert result.recall >= FLOOR


def test_overall_precision_and_recall() -> None:
    group = [verdict for locale in LOCALES for verdict in verdicts(locale)]
    result = score(group)
    print(f"\noverall: {len(group)} rows, precision {result.precision:.3f}, recall {result.recall:.3f}")
    assert result.precision >= FLOOR
    assert result.recall >= FLOOR
