"""Atomic, idempotent writes and the per-folder lock."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from l10n_pipeline.errors import LockError
from l10n_pipeline.fileio import LOCK_NAME, atomic_write, folder_lock


def test_atomic_write_creates_folders_and_writes(tmp_path: Path) -> None:
    target = tmp_path / "locales" / "az" / "LC_MESSAGES" / "articles.po"
    assert atomic_write(target, "Salam\n") is True
    assert target.read_bytes() == b"Salam\n"
    assert [path.name for path in target.parent.iterdir()] == ["articles.po"]


def test_identical_content_is_not_rewritten(tmp_path: Path) -> None:
    target = tmp_path / "articles.mo"
    atomic_write(target, b"\x00\x01")
    os.utime(target, (1_000_000, 1_000_000))
    assert atomic_write(target, b"\x00\x01") is False
    assert target.stat().st_mtime == 1_000_000
    assert atomic_write(target, b"\x00\x02") is True
    assert target.read_bytes() == b"\x00\x02"


def test_lock_is_created_and_removed(tmp_path: Path) -> None:
    with folder_lock(tmp_path):
        assert (tmp_path / LOCK_NAME).read_text().strip() == str(os.getpid())
    assert not (tmp_path / LOCK_NAME).exists()


def test_lock_held_by_live_process_raises(tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        (tmp_path / LOCK_NAME).write_text(f"{holder.pid}\n")
        with pytest.raises(LockError) as caught, folder_lock(tmp_path):
            pass
        message = str(caught.value)
        assert LOCK_NAME in message and str(holder.pid) in message
        assert "another l10n run is writing these catalogs" in message
    finally:
        holder.kill()
        holder.wait()


def test_stale_lock_is_taken_over(tmp_path: Path) -> None:
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)
    (tmp_path / LOCK_NAME).write_text(finished.stdout)
    with folder_lock(tmp_path):
        assert (tmp_path / LOCK_NAME).read_text().strip() == str(os.getpid())
    assert not (tmp_path / LOCK_NAME).exists()
