"""Smoke run of the benchmark suite on 1k entries: the corpus is deterministic, the runner reports."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import polib
import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def load_generator():
    spec = importlib.util.spec_from_file_location("bench_generate", BENCHMARKS / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generate():
    return load_generator()


def test_generator_is_deterministic(generate, tmp_path):
    first = generate.write_catalog_corpus(tmp_path / "a", 1000)
    second = generate.write_catalog_corpus(tmp_path / "b", 1000)
    assert first == second
    for name in ("az.po", "ru.po", "tr.po", "v1.pot", "v2.pot", "edits.json", "glossary.yaml"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_corpus_has_the_promised_shape(generate, tmp_path):
    manifest = generate.write_catalog_corpus(tmp_path, 1000)
    catalog = polib.pofile(str(tmp_path / "ru.po"))
    assert len(catalog) == 1000
    assert len({entry.msgid for entry in catalog}) == 1000
    assert 0 < manifest["states"]["error"] < 100
    assert len(catalog.untranslated_entries()) == manifest["states"]["untranslated"]
    assert len(catalog.fuzzy_entries()) == manifest["states"]["fuzzy"]
    assert any("\u00a0" in entry.msgstr for entry in catalog), "ru groups digits with a no-break space"
    template = polib.pofile(str(tmp_path / "v2.pot"))
    assert 0.9 < len(template) / 1000 < 1.1
    assert manifest["edits"] > 0


def test_articles_reach_the_requested_size(generate, tmp_path):
    count = generate.write_articles(tmp_path, 50_000)
    files = sorted(tmp_path.glob("*.md"))
    assert len(files) == count
    assert sum(path.stat().st_size for path in files) >= 50_000
    assert files[0].read_text(encoding="utf-8").startswith("---\ntitle: ")


def test_runner_produces_a_results_table(tmp_path):
    output = tmp_path / "results.md"
    subprocess.run(
        [
            sys.executable, str(BENCHMARKS / "run.py"), "--sizes", "1k", "--extract-sizes", "", "--runs", "1",
            "--only", "l10n compile,msgfmt --check-format", "--corpus", str(tmp_path / "corpus"), "--output", str(output),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = output.read_text(encoding="utf-8")
    assert "| size | stage | tool | median s |" in text
    assert "| 1k | compile | l10n compile |" in text
    assert (tmp_path / "corpus" / "catalog-1k" / "out" / "compile.mo").exists()
