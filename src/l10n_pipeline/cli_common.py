"""What every ``l10n`` command shares: where messages go, and how bad input ends a command."""

from __future__ import annotations

import functools

import typer

from .errors import ExitCode, PipelineError


def say(message: str, quiet: bool = False) -> None:
    """Human-facing messages go to stderr, so stdout carries only requested output."""
    if not quiet:
        typer.echo(message, err=True)


def guarded(command):
    """Map bad input to exit code 2 with a one-line message and no traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except PipelineError as err:
            typer.echo(f"error: {err}", err=True)
            raise typer.Exit(ExitCode.BAD_INPUT) from None
        except OSError as err:
            where = f"{err.filename}: " if err.filename else ""
            typer.echo(f"error: {where}{err.strerror or err}", err=True)
            raise typer.Exit(ExitCode.BAD_INPUT) from None

    return wrapper
