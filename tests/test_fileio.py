"""Atomic, idempotent writes and the per-folder lock."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from l10n_pipeline.errors import LockError
from l10n_pipeline.fileio import LOCK_NAME, atomic_write, atomic_write_stream, folder_lock


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


def write_chunks(*chunks: bytes):
    """A writer callback for ``atomic_write_stream`` that writes ``chunks`` one by one."""
    def write(stream) -> None:
        for chunk in chunks:
            stream.write(chunk)
    return write


def test_streamed_write_creates_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "az" / "articles.po"
    assert atomic_write_stream(target, write_chunks(b"msgid ", b'""\n')) is True
    assert target.read_bytes() == b'msgid ""\n'
    assert [path.name for path in target.parent.iterdir()] == ["articles.po"]


def test_streamed_identical_content_is_not_rewritten(tmp_path: Path) -> None:
    target = tmp_path / "articles.po"
    target.write_bytes(b"abcdef")
    os.utime(target, (1_000_000, 1_000_000))
    inode = target.stat().st_ino
    assert atomic_write_stream(target, write_chunks(b"ab", b"", b"cdef")) is False
    assert (target.stat().st_mtime, target.stat().st_ino) == (1_000_000, inode)
    assert [path.name for path in tmp_path.iterdir()] == ["articles.po"]


@pytest.mark.parametrize("chunks", [(b"abc",), (b"abcdefg",), (b"abc", b"xef"), (b"",)])
def test_streamed_different_content_replaces_the_file(tmp_path: Path, chunks: tuple[bytes, ...]) -> None:
    target = tmp_path / "articles.po"
    target.write_bytes(b"abcdef")
    target.chmod(0o640)
    assert atomic_write_stream(target, write_chunks(*chunks)) is True
    assert target.read_bytes() == b"".join(chunks)
    assert target.stat().st_mode & 0o777 == 0o640
    assert [path.name for path in tmp_path.iterdir()] == ["articles.po"]


def test_failing_writer_leaves_the_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "articles.po"
    target.write_bytes(b"old")

    def write(stream) -> None:
        stream.write(b"new")
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        atomic_write_stream(target, write)
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["articles.po"]


def test_large_bytearray_is_compared_without_rewriting(tmp_path: Path) -> None:
    target = tmp_path / "articles.mo"
    data = bytearray(range(256)) * 20_000
    assert atomic_write(target, data) is True
    os.utime(target, (1_000_000, 1_000_000))
    assert atomic_write(target, data) is False
    data[-1] ^= 1
    assert atomic_write(target, data) is True
    assert target.read_bytes() == data


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
