"""Hostile and broken inputs: one ``error:`` line naming file and line, exit code 2, nothing on disk changed.

Each file of ``tests/data/broken/`` goes where the CLI reads it in a copy of a fully built project
(catalogs compiled, articles rendered). Every command that reads it must refuse it the same way and
leave every byte of the project as it was. Most runs are in-process for speed; a few go through a real
subprocess to show that no traceback reaches a terminal.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from l10n_pipeline.cli import app

BROKEN = Path(__file__).parent / "data" / "broken"
AZ_PO = "locales/az/LC_MESSAGES/articles.po"
GLOSSARY = "glossary.yaml"
PYPROJECT = "pyproject.toml"
TEN_MEGABYTES = 10_000_000

PO_COMMANDS = (("run",), ("update",), ("check", "--jobs", "1"), ("compile", "--jobs", "1"), ("render",))
SOURCE_COMMANDS = (("run",), ("extract",))
GLOSSARY_COMMANDS = (("run",), ("update",), ("check", "--jobs", "1"))
CONFIG_COMMANDS = (("run",), ("extract",), ("update",), ("check",), ("compile",), ("render",))

# The line each error must name; None where the defect has no line (a whole-file problem).
PO_LINES = {
    "bad_escape": 7, "bom": 1, "charset_latin1": 3, "crlf": 1, "duplicate_msgid": 10,
    "entry_without_msgstr": 7, "invalid_utf8": 8, "keyword_without_string": 7,
    "mismatched_plural_forms": 7, "missing_header": 1, "missing_language": 1,
    "msgstr_before_msgid": 7, "nul_byte": 7, "plural_index_without_plural": 8,
    "text_outside_entry": 7, "unknown_keyword": 8, "unknown_language": 1, "unterminated_string": 7,
}
SOURCE_LINES = {
    "binary": 3, "bom": 1, "crlf": 1, "empty": 1, "empty_title": 2, "front_matter_not_mapping": 2,
    "front_matter_python_tag": 2, "front_matter_unclosed": 1, "front_matter_unknown_field": 3,
    "front_matter_yaml_error": 4, "invalid_utf8": 2, "no_body": 4, "slug_absolute": 3, "slug_parent": 3,
}
GLOSSARY_LINES = {
    "duplicate_key": 5, "duplicate_term": 6, "empty": 1, "invalid_utf8": 4, "no_translations": 5,
    "not_a_list": 2, "python_tag": 3, "set_tag": 7, "syntax_error": 5, "unknown_field": 6, "wrong_type": 5,
}
CONFIG_LINES = {
    "blocking_as_string": 5, "domain_with_path": 2, "glossary_absolute": 2, "locale_with_path": 2,
    "locales_dir_sneaks_out": 2, "locales_not_a_list": 3, "min_translated_as_string": 5,
    "render_dir_absolute": 2, "section_not_table": 2, "source_dir_not_a_string": 2,
    "source_dir_parent": 2, "toml_syntax_error": 2, "unknown_locale": 2, "unknown_setting": 3,
}


@dataclass(frozen=True)
class Case:
    """One broken file, where it goes in the project, and what the error must name."""

    file: Path
    target: str
    shown: str
    line: int | None
    commands: tuple[tuple[str, ...], ...]

    @property
    def id(self) -> str:
        return f"{self.file.parent.name}/{self.file.stem}"


def corpus(folder: str, suffix: str, lines: dict[str, int | None], target, commands) -> list[Case]:
    files = sorted((BROKEN / folder).glob(f"*{suffix}"))
    assert sorted(path.stem for path in files) == sorted(lines), f"{folder}: corpus and expected lines differ"
    return [Case(path, target(path), target(path), lines[path.stem], commands) for path in files]


CASES = [
    *corpus("po", ".po", PO_LINES, lambda path: AZ_PO, PO_COMMANDS),
    *corpus("source", ".md", SOURCE_LINES, lambda path: f"source_texts/{path.name}", SOURCE_COMMANDS),
    *corpus("glossary", ".yaml", GLOSSARY_LINES, lambda path: GLOSSARY, GLOSSARY_COMMANDS),
    *corpus("config", ".toml", CONFIG_LINES, lambda path: PYPROJECT, CONFIG_COMMANDS),
]

runner = CliRunner()


def snapshot(root: Path) -> dict[str, str]:
    """Every file under ``root`` and the SHA-256 of its bytes."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def built(built_project: Path, tmp_path: Path) -> Path:
    """A private copy of the fully built project."""
    return Path(shutil.copytree(built_project, tmp_path / "project"))


def plant(project: Path, case: Case) -> None:
    shutil.copyfile(case.file, project / case.target)


def assert_refused(exit_code: int, stdout: str, stderr: str, shown: str, line: int | None) -> None:
    """Exit code 2, and stderr is one line that starts with ``error:`` and names the file (and line)."""
    assert "Traceback" not in stdout + stderr
    assert exit_code == 2, stderr
    assert stderr.startswith("error: ") and stderr.count("\n") == 1, stderr
    location = f"{shown}:{line}: " if line else f"{shown}: "
    assert location in stderr, stderr


def invoke(project: Path, command: tuple[str, ...]):
    """The CLI in-process; exceptions are caught so that a crash fails the assertions, not the runner."""
    return runner.invoke(app, [*command, "--project", str(project)])


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_broken_input_is_refused_and_changes_nothing(built: Path, case: Case) -> None:
    plant(built, case)
    before = snapshot(built)
    for command in case.commands:
        result = invoke(built, command)
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert_refused(result.exit_code, result.stdout, result.stderr, case.shown, case.line)
        assert snapshot(built) == before, f"{' '.join(command)} changed files"


@pytest.mark.parametrize("case", [case for case in CASES if case.target == AZ_PO], ids=lambda case: case.id)
def test_check_of_a_broken_file_names_it(built: Path, case: Case) -> None:
    before = snapshot(built)
    result = invoke(built, ("check", str(case.file)))
    assert_refused(result.exit_code, result.stdout, result.stderr, str(case.file), case.line)
    assert snapshot(built) == before


def ten_megabyte_lines() -> dict[str, bytes]:
    """A header, then a single 10 MB line: garbage, and a string that never closes."""
    header = (BROKEN / "po" / "unterminated_string.po").read_bytes().split(b"\n\n")[0] + b"\n\n"
    return {
        "garbage": header + b"x" * TEN_MEGABYTES + b"\n",
        "unterminated": header + b'msgid "' + b"word " * (TEN_MEGABYTES // 5) + b'\nmsgstr ""\n',
    }


@pytest.mark.parametrize("kind", ["garbage", "unterminated"])
def test_ten_megabyte_line_is_refused_in_one_short_line(built: Path, kind: str) -> None:
    (built / AZ_PO).write_bytes(ten_megabyte_lines()[kind])
    before = snapshot(built)
    for command in (("update",), ("check", "--jobs", "1"), ("compile", "--jobs", "1")):
        result = invoke(built, command)
        assert_refused(result.exit_code, result.stdout, result.stderr, AZ_PO, 7)
        assert len(result.stderr) < 300
    assert snapshot(built) == before


def test_broken_source_among_good_ones_blocks_every_write(built: Path) -> None:
    """The broken article sorts last, so the good ones are read first; still nothing is written."""
    (built / "source_texts" / "zz-late.md").write_bytes((BROKEN / "source" / "invalid_utf8.md").read_bytes())
    (built / "source_texts" / "aa-early.md").write_text("A new first sentence.\n", encoding="utf-8")
    before = snapshot(built)
    result = invoke(built, ("run",))
    assert_refused(result.exit_code, result.stdout, result.stderr, "source_texts/zz-late.md", 2)
    assert snapshot(built) == before


def test_broken_catalog_of_a_later_locale_blocks_the_earlier_ones(built: Path) -> None:
    """update and compile read every catalog before writing the first one."""
    (built / "source_texts" / "aa-early.md").write_text("A new first sentence.\n", encoding="utf-8")
    assert invoke(built, ("extract",)).exit_code == 0
    (built / "locales/tr/LC_MESSAGES/articles.mo").unlink()
    shutil.copyfile(BROKEN / "po" / "bad_escape.po", built / "locales/tr/LC_MESSAGES/articles.po")
    before = snapshot(built)
    for command in (("update",), ("compile", "--jobs", "1"), ("compile", "--jobs", "2")):
        result = invoke(built, command)
        assert_refused(result.exit_code, result.stdout, result.stderr, "locales/tr/LC_MESSAGES/articles.po", 7)
        assert snapshot(built) == before


def test_render_refuses_a_locale_that_is_not_configured(built: Path) -> None:
    before = snapshot(built)
    result = invoke(built, ("render", "../../outside"))
    assert_refused(result.exit_code, result.stdout, result.stderr, PYPROJECT, None)
    assert snapshot(built) == before


SUBPROCESS_CASES = [
    ("po/unterminated_string", ("run",)),
    ("po/missing_language", ("update",)),
    ("source/binary", ("extract",)),
    ("glossary/python_tag", ("check",)),
    ("config/locale_with_path", ("compile",)),
]


@pytest.mark.parametrize(("case_id", "command"), SUBPROCESS_CASES, ids=[case for case, _ in SUBPROCESS_CASES])
def test_no_traceback_reaches_a_real_process(built: Path, case_id: str, command: tuple[str, ...]) -> None:
    case = next(case for case in CASES if case.id == case_id)
    plant(built, case)
    before = snapshot(built)
    done = subprocess.run(
        [sys.executable, "-m", "l10n_pipeline", *command], cwd=built, capture_output=True, text=True, timeout=60
    )
    assert_refused(done.returncode, done.stdout, done.stderr, case.shown, case.line)
    assert snapshot(built) == before
