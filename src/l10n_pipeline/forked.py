"""Work handed to a forked copy of this process, so that a second core can share a long step.

The child starts with the parent's memory as it is at the fork, so nothing has to be sent to it; what
it makes comes back through an unnamed temporary file, and an exception it raises is raised again in
the parent.
"""

from __future__ import annotations

import os
import pickle
import signal
import tempfile
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import BinaryIO

_FAILED = 1
_LOST = 2


def can_fork() -> bool:
    return hasattr(os, "fork")


class ForkedWork:
    """``work(stream)`` run in a child process that writes its result to ``stream``.

    Use it as a context manager: leaving the block early stops the child and removes its output.
    """

    def __init__(self, work: Callable[[BinaryIO], object]) -> None:
        self._output = tempfile.TemporaryFile()
        self._error = tempfile.TemporaryFile()
        self._pid: int | None = os.fork()
        if self._pid == 0:
            self._run_child(work)

    def _run_child(self, work: Callable[[BinaryIO], object]) -> None:
        code = _LOST
        try:
            work(self._output)
            self._output.flush()
            code = 0
        except BaseException as error:
            code = _FAILED
            try:
                pickle.dump(error, self._error)
            except Exception:  # an error that cannot be pickled goes back as text
                pickle.dump(RuntimeError("".join(traceback.format_exception(error))), self._error)
            self._error.flush()
        finally:
            # The parent owns everything else: no cleanup handlers, no buffered output of its own.
            os._exit(code)

    def result(self) -> BinaryIO:
        """Wait for the child; what it wrote, from the start. Raises what the child raised."""
        assert self._pid is not None
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        code = os.waitstatus_to_exitcode(status)
        if code == _FAILED:
            self._error.seek(0)
            raise pickle.load(self._error)
        if code != 0:
            raise RuntimeError(f"a worker process ended with status {code}")
        self._output.seek(0)
        return self._output

    def __enter__(self) -> ForkedWork:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._pid is not None:
            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            self._pid = None
        self._output.close()
        self._error.close()
