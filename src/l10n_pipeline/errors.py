"""Errors the pipeline reports to its users, and the exit-code contract."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """One contract for every command."""

    CLEAN = 0
    FINDINGS = 1
    BAD_INPUT = 2


class PipelineError(Exception):
    """Bad input, configuration or usage: one line naming the file and line, and what to do."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        text = f"{where}{self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return " ".join(text.split("\n"))


class ConfigError(PipelineError):
    """The [tool.l10n-pipeline] configuration is wrong."""


class SourceError(PipelineError):
    """A source article cannot be read."""


class CatalogError(PipelineError):
    """A PO, POT or MO file is malformed."""


class GlossaryError(PipelineError):
    """The glossary file is malformed."""


class LockError(PipelineError):
    """Another run holds the lock on a catalog folder."""
