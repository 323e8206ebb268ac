"""Safe file output: atomic, idempotent writes and a per-folder lock between runs."""

from __future__ import annotations

import errno
import fcntl
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from l10n_pipeline.errors import LockError

LOCK_NAME = ".l10n.lock"
LOCK_ATTEMPTS = 5
# Existing files are compared in blocks of this size, never read whole.
_COMPARE_BYTES = 1 << 20
LOCK_HINT = (
    "another l10n run is writing these catalogs; wait for it or remove the stale lock file"
)


def atomic_write(path: str | os.PathLike[str], data: bytes | bytearray | str) -> bool:
    """Replace ``path`` with ``data`` atomically; False (nothing written) if it already holds it."""
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if _holds_exactly(target, payload):
        return False
    return atomic_write_stream(target, lambda stream: stream.write(payload))


def atomic_write_stream(path: str | os.PathLike[str], write: Callable[[BinaryIO], object]) -> bool:
    """Replace ``path`` with what ``write`` writes to the binary stream it is given, atomically.

    The bytes are compared with the file's as they are written, so the whole content is never held;
    if they are the same, the temporary file is discarded, the file is left untouched and this
    returns False.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as stream, _ComparingWriter(stream, target) as writer:
            write(writer)
            unchanged = writer.same_as_target()
            if not unchanged:
                stream.flush()
                os.fsync(stream.fileno())
        if unchanged:
            Path(temp_name).unlink()
            return False
        _copy_mode(target, temp_name)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    _fsync_directory(target.parent)
    return True


class _ComparingWriter:
    """A binary stream that writes through to ``stream`` and compares each chunk with ``target``'s bytes."""

    def __init__(self, stream: BinaryIO, target: Path) -> None:
        self._stream = stream
        try:
            self._existing: BinaryIO | None = open(target, "rb")
        except FileNotFoundError:
            self._existing = None
        self._same = self._existing is not None

    def __enter__(self) -> _ComparingWriter:
        return self

    def __exit__(self, *_exc_info: object) -> None:
        if self._existing is not None:
            self._existing.close()

    def write(self, data: bytes | bytearray | memoryview) -> int:
        self._stream.write(data)
        if self._same:
            self._same = _stream_continues_with(self._existing, data)
        return len(data)

    def same_as_target(self) -> bool:
        """Whether everything written so far is the target's whole content."""
        return self._same and self._existing.read(1) == b""


def _stream_continues_with(stream: BinaryIO, data: bytes | bytearray | memoryview) -> bool:
    """Read ``len(data)`` bytes from ``stream``, block by block, and tell whether they equal ``data``."""
    view = memoryview(data).cast("B")
    for start in range(0, len(view), _COMPARE_BYTES):
        expected = view[start : start + _COMPARE_BYTES]
        if stream.read(len(expected)) != expected:
            return False
    return True


def _holds_exactly(target: Path, payload: bytes | bytearray) -> bool:
    try:
        if target.stat().st_size != len(payload):
            return False
        with open(target, "rb") as stream:
            return _stream_continues_with(stream, payload)
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
    # The holder writes its pid just after taking the lock, so a racing run may not see it yet.
    owner = f" (process {pid})" if pid is not None else ""
    return LockError(f"catalog folder is locked by another l10n run{owner}", path=str(lock_path), hint=LOCK_HINT)


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
