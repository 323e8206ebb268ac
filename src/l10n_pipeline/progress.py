"""Progress on stderr for long runs: shown on a terminal, silent in CI, with --quiet, or when piped."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Protocol, TextIO

BAR_WIDTH = 24


class Progress(Protocol):
    """Called as ``progress(done, total, label)`` after each unit of work."""

    def __call__(self, done: int, total: int, label: str = "") -> None: ...


class NullProgress:
    """Progress that shows nothing (sqlite-utils' NullProgressBar)."""

    def __call__(self, done: int, total: int, label: str = "") -> None:
        pass

    def close(self) -> None:
        pass


class LineProgress:
    """One line, redrawn in place: ``checking ███░░░ 3/8 locales/az/…``."""

    def __init__(self, title: str, stream: TextIO) -> None:
        self.title = title
        self.stream = stream
        self.drawn = False

    def __call__(self, done: int, total: int, label: str = "") -> None:
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        bar = "█" * filled + "░" * (BAR_WIDTH - filled)
        self.stream.write(f"\r\x1b[K{self.title} {bar} {done}/{total} {label}")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        """Clear the line, so the summary that follows stands alone."""
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def shows_progress(stream: TextIO, quiet: bool = False, environ: Mapping[str, str] | None = None) -> bool:
    """Only a person at a terminal wants a progress line; CI logs and pipes do not."""
    environ = os.environ if environ is None else environ
    return not quiet and not environ.get("CI") and stream.isatty()


@contextmanager
def progress(
    title: str, quiet: bool = False, stream: TextIO | None = None, environ: Mapping[str, str] | None = None
) -> Iterator[NullProgress | LineProgress]:
    """A progress callback for the block; it shows nothing unless stderr is a terminal."""
    stream = stream or sys.stderr
    bar = LineProgress(title, stream) if shows_progress(stream, quiet, environ) else NullProgress()
    try:
        yield bar
    finally:
        bar.close()
