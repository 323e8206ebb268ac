"""Interrupted runs lose nothing: ``l10n update`` and ``l10n compile`` killed with SIGKILL at random moments.

After every kill each catalog holds either its old bytes or its new bytes, never a mix or a stub; a
lock left by a killed run does not block the next one, and leftover temp files are never read as catalogs.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import make_updated_synthetic_project, write_synthetic_articles

from l10n_pipeline import pipeline
from l10n_pipeline.config import load_config
from l10n_pipeline.fileio import LOCK_NAME, atomic_write
from l10n_pipeline.pofile import format_po, read_po

pytestmark = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext not installed")

KILLS = 12
ARTICLES = 200
EDITED_ARTICLES = 25


@dataclass(frozen=True)
class States:
    """A project before a command, the files the command writes as they were and as it leaves them."""

    project: Path
    old: dict[str, bytes]
    new: dict[str, bytes]
    seconds: float


def l10n(project: Path, *args: str) -> subprocess.Popen:
    """The CLI in its own process group, so a kill takes its worker processes too."""
    return subprocess.Popen(
        [sys.executable, "-m", "l10n_pipeline", *args, "--quiet"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )


def timed_run(project: Path, *args: str) -> float:
    started = time.monotonic()
    process = l10n(project, *args)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr.decode()
    return time.monotonic() - started


def files(project: Path, suffix: str) -> dict[str, bytes]:
    """The project's catalogs (by relative path) with their bytes."""
    config = load_config(project)
    paths = [config.po_path(locale).with_suffix(suffix) for locale in config.all_locales]
    return {path.relative_to(project).as_posix(): path.read_bytes() for path in paths}


def translate_everything(project: Path) -> None:
    """Give every entry a translation, so catalogs and MO files carry real content."""
    config = load_config(project)
    for locale in config.all_locales:
        catalog = read_po(config.po_path(locale))
        for entry in catalog.live_entries:
            entry.msgstr = f"[{locale}] {entry.msgid}"
        atomic_write(config.po_path(locale), format_po(catalog))


def reword_some_articles(project: Path) -> None:
    """Replace a few articles by freshly generated ones, so that an update has work in every catalog."""
    fresh = project.parent / "fresh"
    write_synthetic_articles(fresh, EDITED_ARTICLES, seed=1)
    for path in fresh.iterdir():
        shutil.copyfile(path, project / "source_texts" / path.name)
    shutil.rmtree(fresh)


@pytest.fixture(scope="module")
def before_update(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Translated, compiled catalogs of 200 articles, then some sources reworded and the template extracted."""
    project = make_updated_synthetic_project(tmp_path_factory.mktemp("kill") / "project", ARTICLES)
    config = load_config(project)
    translate_everything(project)
    pipeline.compile_catalogs(config)
    reword_some_articles(project)
    pipeline.extract(config)
    return project


@pytest.fixture(scope="module")
def update_states(before_update: Path) -> States:
    finished = Path(shutil.copytree(before_update, before_update.parent / "updated"))
    seconds = timed_run(finished, "update")
    return States(before_update, files(before_update, ".po"), files(finished, ".po"), seconds)


@pytest.fixture(scope="module")
def compile_states(update_states: States) -> States:
    """Updated catalogs whose MO files are still the old ones."""
    project = update_states.project.parent / "updated"
    old = files(update_states.project, ".mo")
    finished = Path(shutil.copytree(project, project.parent / "compiled"))
    seconds = timed_run(finished, "compile")
    return States(project, old, files(finished, ".mo"), seconds)


def restore(project: Path, contents: dict[str, bytes]) -> None:
    for name, data in contents.items():
        (project / name).write_bytes(data)


def run_and_kill(project: Path, command: str, delay: float) -> int | None:
    """Start ``command``, SIGKILL it after ``delay`` seconds; its pid if killed, None if it finished first."""
    process = l10n(project, command)
    time.sleep(delay)
    if process.poll() is not None:
        _, stderr = process.communicate()
        assert process.returncode == 0, f"a finished run must have succeeded: {stderr.decode()}"
        return None
    os.killpg(process.pid, signal.SIGKILL)
    process.communicate()
    return process.pid


def assert_old_or_new(project: Path, states: States) -> None:
    for name in states.old:
        data = (project / name).read_bytes()
        assert data in (states.old[name], states.new[name]), f"{name} is neither the old nor the new file"


def assert_survives_kills(states: States, command: str, tmp_path: Path) -> None:
    project = Path(shutil.copytree(states.project, tmp_path / "project"))
    rng = random.Random(command)
    killed = []
    for attempt in range(KILLS):
        delay = states.seconds * (attempt + rng.random()) / KILLS
        pid = run_and_kill(project, command, delay)
        assert_old_or_new(project, states)
        if pid is not None:
            killed.append(pid)
        restore(project, states.old)
    assert len(killed) >= KILLS // 2, "most runs should have been killed midway"
    # The lock of a killed run, as SIGKILL leaves it, must not block the next run.
    (project / "locales" / LOCK_NAME).write_text(f"{killed[-1]}\n", encoding="utf-8")
    assert timed_run(project, command) > 0
    assert files(project, Path(next(iter(states.old))).suffix) == states.new
    assert not (project / "locales" / LOCK_NAME).exists()


def test_msgfmt_accepts_old_and_new_catalogs(update_states: States, tmp_path: Path) -> None:
    for version, contents in (("old", update_states.old), ("new", update_states.new)):
        for name, data in contents.items():
            path = tmp_path / version / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            done = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(path)], capture_output=True, text=True)
            assert done.returncode == 0, done.stderr
    assert update_states.old != update_states.new


def test_killed_update_leaves_each_catalog_old_or_new(update_states: States, tmp_path: Path) -> None:
    assert_survives_kills(update_states, "update", tmp_path)


def test_killed_compile_leaves_each_mo_old_or_new(compile_states: States, tmp_path: Path) -> None:
    assert compile_states.old != compile_states.new
    assert_survives_kills(compile_states, "compile", tmp_path)


def test_leftover_temp_files_are_not_catalogs(update_states: States, tmp_path: Path) -> None:
    """What a kill between writing and renaming leaves behind is ignored by every reader."""
    project = Path(shutil.copytree(update_states.project, tmp_path / "project"))
    config = load_config(project)
    az = config.po_path("az")
    leftover = az.parent / f".{az.name}.k2j4x9.tmp"
    leftover.write_bytes(b'msgid "half a catal')
    assert timed_run(project, "update") > 0
    assert timed_run(project, "compile") > 0
    assert files(project, ".po") == update_states.new
    checked = pipeline.check(config, check_ids=())
    assert sorted(result.stats.file for result in checked.catalogs) == sorted(
        config.relative(config.po_path(locale)) for locale in config.locales
    )
    assert leftover.read_bytes() == b'msgid "half a catal'
