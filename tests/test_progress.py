"""Progress shows on a terminal only: never in CI, with --quiet, or into a pipe."""

from __future__ import annotations

import io

from l10n_pipeline.progress import LineProgress, NullProgress, progress, shows_progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_draws_and_clears_one_line():
    stream = Terminal()
    with progress("checking", stream=stream, environ={}) as bar:
        assert isinstance(bar, LineProgress)
        bar(1, 4, "az")
        bar(4, 4, "tr")
    text = stream.getvalue()
    assert "checking ██████░░░░░░░░░░░░░░░░░░ 1/4 az" in text
    assert "4/4 tr" in text
    assert text.endswith("\r\x1b[K")
    assert "\n" not in text


def test_progress_silent_in_ci_quiet_and_pipes():
    assert not shows_progress(Terminal(), environ={"CI": "true"})
    assert not shows_progress(Terminal(), quiet=True, environ={})
    assert not shows_progress(io.StringIO(), environ={})
    assert shows_progress(Terminal(), environ={"CI": ""})


def test_silent_progress_writes_nothing():
    stream = io.StringIO()
    with progress("checking", stream=stream, environ={}) as bar:
        assert isinstance(bar, NullProgress)
        bar(1, 2, "az")
    assert stream.getvalue() == ""
