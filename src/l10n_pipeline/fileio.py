"""Safe file output: atomic, idempotent writes and a per-folder lock between runs."""

from __future__ import annotations

import errno
import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from l10n_pipeline.errors import LockError

LOCK_NAME = ".l10n.lock"
LOCK_ATTEMPTS = 5
LOCK_HINT = (
    "another l10n run is writing these catalogs; wait for it or remove the stale lock file"
)


def atomic_write(path: str | os.PathLike[str], data: bytes | str) -> bool:
    """Replace ``path`` with ``data`` atomically; False (nothing written) if it already holds it."""
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if _holds_exactly(target, payload):
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        _copy_mode(target, temp_name)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    _fsync_directory(target.parent)
    return True


def _holds_exactly(target: Path, payload: bytes) -> bool:
    try:
        if target.stat().st_size != len(payload):
            return False
        return target.read_bytes() == payload
    except FileNotFoundError:
        return False


def _copy_mode(target: Path, temp_name: str) -> None:
    """Keep the permissions of the file being replaced; new files get the usual 0o666 & ~umask."""
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp_name, mode)


def _fsync_directory(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextmanager
def folder_lock(folder: str | os.PathLike[str]) -> Iterator[None]:
    """Hold ``folder/.l10n.lock`` for the duration of the block.

    The kernel lock (flock) on the file is the lock, so it ends with its process: a file left behind by
    a killed run is simply taken over. The file names its holder's pid for the message others get.
    """
    lock_path = Path(folder) / LOCK_NAME
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = _acquire(lock_path)
    try:
        yield
    finally:
        # Unlink before closing: a run waiting on this file then sees it gone and starts afresh.
        lock_path.unlink(missing_ok=True)
        os.close(descriptor)


def _acquire(lock_path: Path) -> int:
    """Open and flock the lock file, retrying when its holder removed it between our open and flock."""
    for _attempt in range(LOCK_ATTEMPTS):
        descriptor = os.open(lock_path, os.O_CREAT | os.O_RDWR, 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            raise _held_error(lock_path, _read_pid(lock_path)) from None
        if not _still_at(descriptor, lock_path):
            os.close(descriptor)
            continue
        owner = _read_pid(lock_path)
        if owner is not None and owner != os.getpid() and _process_alive(owner):
            # A live process wrote its pid here without flock (an older or foreign tool): respect it.
            os.close(descriptor)
            raise _held_error(lock_path, owner)
        os.ftruncate(descriptor, 0)
        os.write(descriptor, f"{os.getpid()}\n".encode())
        os.fsync(descriptor)
        return descriptor
    raise _held_error(lock_path, _read_pid(lock_path))


def _still_at(descriptor: int, lock_path: Path) -> bool:
    """Whether the open file is still the one at ``lock_path`` (not unlinked or replaced meanwhile)."""
    try:
        return os.stat(lock_path).st_ino == os.fstat(descriptor).st_ino
    except FileNotFoundError:
        return False


def _held_error(lock_path: Path, pid: int | None) -> LockError:
    owner = f"process {pid}" if pid is not None else "another process"
    return LockError(f"catalog folder is locked by {owner}", path=str(lock_path), hint=LOCK_HINT)


def _read_pid(lock_path: Path) -> int | None:
    try:
        text = lock_path.read_text(encoding="utf-8", errors="replace").strip()
    except FileNotFoundError:
        return None
    return int(text) if text.isdigit() else None


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError as error:
        return error.errno == errno.EPERM
    return True
