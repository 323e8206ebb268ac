"""Fingerprints survive line moves; baselines are deterministic files; bad ones are named, not tracebacks."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n_pipeline.baseline import (
    Baseline, Gate, State, baseline_document, fingerprint, read_baseline, write_baseline,
)
from l10n_pipeline.errors import PipelineError
from l10n_pipeline.models import Finding, Severity

NUMBER = Finding(
    check="numbers", severity=Severity.ERROR, message="26 is missing", locale="az",
    file="locales/az/LC_MESSAGES/articles.po", line=40, msgid="Baku, February 26.", details={"missing": ["26"]},
)


def release(share: float, kind: str) -> Finding:
    message = {
        "translated": f"az is {share:.1f}% translated, below the release threshold of 80%",
        "fuzzy": f"az is {share:.1f}% fuzzy, above the limit of 5%",
    }[kind]
    return Finding(
        check="release", severity=Severity.ERROR, message=message, locale="az", file="az.po", line=1,
        details={"translated_share": share, "fuzzy_share": share, "min_translated": 80.0, "max_fuzzy": 5.0},
    )


@settings(max_examples=50, deadline=None)
@given(line=st.integers(min_value=1, max_value=100_000), file=st.text(min_size=1, max_size=30))
def test_fingerprint_ignores_where_the_finding_stands(line, file):
    assert fingerprint(replace(NUMBER, line=line, file=file)) == fingerprint(NUMBER)


@pytest.mark.parametrize(
    "changed",
    [
        replace(NUMBER, check="glossary"),
        replace(NUMBER, locale="ru"),
        replace(NUMBER, msgctxt="timeline"),
        replace(NUMBER, msgid="Baku, February 27."),
        replace(NUMBER, details={"missing": ["27"]}),
    ],
)
def test_fingerprint_changes_with_what_the_finding_is_about(changed):
    assert fingerprint(changed) != fingerprint(NUMBER)


def test_release_fingerprint_survives_progress_but_tells_limits_apart():
    assert fingerprint(release(50.0, "translated")) == fingerprint(release(61.5, "translated"))
    assert fingerprint(release(50.0, "translated")) != fingerprint(release(50.0, "fuzzy"))


def test_gate_states():
    gate = Gate("error", Baseline(frozenset({fingerprint(NUMBER)})))
    assert gate.state(replace(NUMBER, line=99)) is State.BASELINED
    assert gate.state(replace(NUMBER, msgid="other")) is State.FAILING
    assert gate.state(replace(NUMBER, msgid="other", severity=Severity.WARNING)) is State.REPORTED
    assert gate.state(replace(NUMBER, waived=True)) is State.WAIVED


def test_gate_rejects_unknown_threshold():
    with pytest.raises(ValueError, match="fail_on"):
        Gate("sometimes")


def test_baseline_round_trip_is_sorted_and_deterministic(tmp_path: Path):
    findings = [NUMBER, replace(NUMBER, msgid="Other sentence 5."), replace(NUMBER, line=7), replace(NUMBER, msgid="x", waived=True)]
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    assert write_baseline(first, findings) == 2  # the duplicate and the waived finding are not recorded
    write_baseline(second, list(reversed(findings)))
    assert first.read_bytes() == second.read_bytes()
    document = json.loads(first.read_text(encoding="utf-8"))
    assert document["schema_version"] == 1
    prints = [item["fingerprint"] for item in document["findings"]]
    assert prints == sorted(prints)
    assert read_baseline(first) == Baseline(frozenset(prints))


def test_document_records_what_each_fingerprint_stands_for():
    (item,) = baseline_document([NUMBER])["findings"]
    assert item == {
        "fingerprint": fingerprint(NUMBER), "check": "numbers", "locale": "az", "msgctxt": None,
        "msgid": "Baku, February 26.", "message": "26 is missing",
    }


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"schema_version": 1,\n "findings": [}', r"base\.json:2: baseline is not valid JSON"),
        ('{"schema_version": 2, "findings": []}', r"base\.json: not a baseline of schema_version 1"),
        ('{"schema_version": 1, "findings": [{"check": "numbers"}]}', r"with a fingerprint"),
        ("[]", r"not a baseline"),
    ],
)
def test_bad_baseline_is_a_one_line_error(tmp_path: Path, content, expected):
    path = tmp_path / "base.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PipelineError, match=expected) as caught:
        read_baseline(path)
    assert "\n" not in str(caught.value)
