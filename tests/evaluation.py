"""Holdout evaluation shared by the holdout tests: rows, verdicts, precision and recall, and a printed report.

A holdout set is a TSV per locale of source, target and expected verdict:

- `ok`: a faithful translation, the check should stay quiet;
- `ok-warning`: the translation is right but a reviewer should look at it, so a warning is the right outcome;
- `defect:<kind>`: exactly one injected defect of that kind.

The first line names the columns, either as a plain `source<TAB>target<TAB>expected` header or as a
`#` comment; further `#` lines and blank lines are skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from l10n_pipeline.models import Issue

HEADER = ("source", "target", "expected")


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
        """True if the row carries an injected defect."""
        return self.expected.startswith("defect:")

    @property
    def should_flag(self) -> bool:
        """True if a correct check reports an error or a warning for this row."""
        return self.is_defect or self.expected == "ok-warning"


@dataclass(frozen=True)
class Verdict:
    """What a check said about one row."""

    row: Row
    flagged: bool
    said: str

    @property
    def correct(self) -> bool:
        """True if flagging matches the expected verdict."""
        return self.flagged == self.row.should_flag


@dataclass(frozen=True)
class Score:
    """Confusion counts of one check over a group of rows."""

    true_positives: int
    false_positives: int
    false_negatives: int
    total: int

    @property
    def precision(self) -> float:
        """Share of flagged rows that should be flagged."""
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        """Share of rows that should be flagged and were."""
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


def read_rows(path: Path, locale: str) -> list[Row]:
    """Read one locale's holdout TSV; each row keeps its line number in the file."""
    rows = []
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text.strip() and not text.startswith("#") and tuple(text.split("\t")) != HEADER:
            source, target, expected = text.split("\t")
            rows.append(Row(locale, number, source, target, expected))
    return rows


def describe(issues: Sequence[Issue]) -> str:
    """One line summing up what a check reported, each issue with its severity."""
    return "; ".join(f"{severity_name(issue)}: {issue.message}" for issue in issues)


def severity_name(issue: Issue) -> str:
    """The issue's severity, or `default` when it leaves that to the check."""
    return issue.severity.value if issue.severity else "default"


def score(verdicts: Sequence[Verdict]) -> Score:
    """Count true positives, false positives and false negatives."""
    return Score(
        true_positives=sum(v.flagged and v.row.should_flag for v in verdicts),
        false_positives=sum(v.flagged and not v.row.should_flag for v in verdicts),
        false_negatives=sum(not v.flagged and v.row.should_flag for v in verdicts),
        total=len(verdicts),
    )


def scores_by_locale(verdicts: Sequence[Verdict]) -> dict[str, Score]:
    """The score of each locale, in the order the verdicts come, and of all of them under `all`."""
    locales = dict.fromkeys(verdict.row.locale for verdict in verdicts)
    scores = {locale: score([v for v in verdicts if v.row.locale == locale]) for locale in locales}
    scores["all"] = score(verdicts)
    return scores


def report(title: str, verdicts: Sequence[Verdict]) -> dict[str, Score]:
    """Print per-locale and overall scores and every misclassified row; return the scores."""
    scores = scores_by_locale(verdicts)
    print(f"\n=== {title}")
    for group, result in scores.items():
        print(f"{group:>4}: n={result.total:3d}  P={result.precision:.3f}  R={result.recall:.3f}"
              f"  (TP={result.true_positives} FP={result.false_positives} FN={result.false_negatives})")
    for verdict in verdicts:
        if not verdict.correct:
            print_misclassified(verdict)
    return scores


def print_misclassified(verdict: Verdict) -> None:
    """Print a row the check got wrong, with what it said."""
    row = verdict.row
    print(f"\n[{row.locale}:{row.line}] expected {row.expected}, check said: {verdict.said or 'no issue'}"
          f"\n  src: {row.source}\n  tgt: {row.target}")
