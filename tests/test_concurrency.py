"""Concurrent runs are safe: one lock per catalog folder, a clear message for the run that waits outside."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import make_updated_synthetic_project, write_synthetic_articles

from l10n_pipeline import pipeline
from l10n_pipeline.config import load_config
from l10n_pipeline.fileio import LOCK_NAME, folder_lock

ARTICLES = 120
ROUNDS = 3
LOCK_MESSAGE = "catalog folder is locked by another l10n run"


def l10n(project: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "l10n_pipeline", *args],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def snapshot(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def catalogs(project: Path) -> dict[str, bytes]:
    config = load_config(project)
    return {locale: config.po_path(locale).read_bytes() for locale in config.all_locales}


@pytest.fixture(scope="module")
def before_update(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Catalogs of a first version of the articles, and the template of a second one."""
    project = make_updated_synthetic_project(tmp_path_factory.mktemp("concurrency") / "project", ARTICLES)
    config = load_config(project)
    write_synthetic_articles(project / "source_texts", ARTICLES // 4, seed=1)
    pipeline.extract(config)
    return project


@pytest.fixture(scope="module")
def single_run(before_update: Path) -> dict[str, bytes]:
    """The catalogs after one uninterrupted, unhurried update."""
    project = Path(shutil.copytree(before_update, before_update.parent / "single"))
    process = l10n(project, "update")
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    return catalogs(project)


def lock_refusal(process: subprocess.Popen) -> str | None:
    """None if the run did its work; otherwise the one clear line with which it stopped at the lock."""
    _, stderr = process.communicate(timeout=120)
    if process.returncode == 0:
        return None
    assert process.returncode == 2, stderr
    assert stderr.startswith("error: ") and stderr.count("\n") == 1 and "Traceback" not in stderr, stderr
    assert LOCK_MESSAGE in stderr and LOCK_NAME in stderr, stderr
    return stderr


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_two_updates_at_once_give_the_single_run_result(
    before_update: Path, single_run: dict[str, bytes], tmp_path: Path, round_: int
) -> None:
    project = Path(shutil.copytree(before_update, tmp_path / "project"))
    first, second = l10n(project, "update"), l10n(project, "update")
    refusals = [lock_refusal(process) for process in (first, second)]
    assert None in refusals, "at least one of the two runs must have done the work"
    assert catalogs(project) == single_run
    assert not (project / "locales" / LOCK_NAME).exists()


def test_update_and_compile_at_once_leave_valid_catalogs(before_update: Path, single_run: dict[str, bytes], tmp_path: Path) -> None:
    project = Path(shutil.copytree(before_update, tmp_path / "project"))
    before = catalogs(project)
    update, compile_ = l10n(project, "update"), l10n(project, "compile")
    updated = lock_refusal(update) is None
    lock_refusal(compile_)
    assert catalogs(project) == (single_run if updated else before)
    for path in (project / "locales").rglob("*.mo"):
        assert path.read_bytes()[:4] in (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")


def test_update_refuses_while_the_lock_is_held_and_changes_nothing(before_update: Path, tmp_path: Path) -> None:
    project = Path(shutil.copytree(before_update, tmp_path / "project"))
    config = load_config(project)
    with folder_lock(config.locales_dir):
        before = snapshot(project)
        process = l10n(project, "update")
        refusal = lock_refusal(process)
        assert refusal is not None and f"{LOCK_MESSAGE} (process {os.getpid()})" in refusal
        assert snapshot(project) == before
    assert not (project / "locales" / LOCK_NAME).exists()
    assert snapshot(project) == {name: digest for name, digest in before.items() if not name.endswith(LOCK_NAME)}
