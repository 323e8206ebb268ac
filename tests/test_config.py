"""The [tool.l10n-pipeline] configuration: defaults, overrides, and one-line errors."""

from __future__ import annotations

import pytest

from l10n_pipeline.config import load_config
from l10n_pipeline.errors import ConfigError


def write(tmp_path, body: str):
    (tmp_path / "pyproject.toml").write_text(f"[project]\nname = 'demo'\n\n[tool.l10n-pipeline]\n{body}", encoding="utf-8")
    return tmp_path


def test_defaults_without_a_section(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'demo'\n", encoding="utf-8")
    config = load_config(tmp_path)
    assert config.domain == "articles"
    assert config.locales == ("az", "ru", "tr")
    assert config.pot_path == tmp_path / "locales" / "articles.pot"
    assert config.po_path("az") == tmp_path / "locales" / "az" / "LC_MESSAGES" / "articles.po"
    assert config.policy("az").min_translated == 80.0


def test_release_policy_per_locale(tmp_path):
    config = load_config(
        write(tmp_path, "locales = ['de']\n[tool.l10n-pipeline.release]\nmin_translated = 90\n"
              "[tool.l10n-pipeline.release.de]\nblocking = false\n")
    )
    assert config.policy("de").blocking is False
    assert config.policy("de").min_translated == 90.0
    assert config.policy("fr").blocking is True


@pytest.mark.parametrize(
    ("body", "words", "line"),
    [
        ("locales = 'az'\n", "must be a list", 5),
        ("domain = 3\n", "must be a non-empty string", 5),
        ("source_dir = '../elsewhere'\n", "leaves the project folder", 5),
        ("locales_dir = '/tmp/x'\n", "leaves the project folder", 5),
        ("locales = ['xx-nowhere']\n", "not a locale CLDR knows", 5),
        ("colour = 'red'\n", "unknown setting", 5),
        ("[tool.l10n-pipeline.release]\nmin_translated = 'high'\n", "percentage", 6),
        ("locales = [\n", "not valid TOML", None),
    ],
)
def test_bad_configuration(tmp_path, body, words, line):
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, body))
    message = str(caught.value)
    assert words in message
    assert "pyproject.toml" in message
    if line:
        assert f"pyproject.toml:{line}:" in message
    assert "\n" not in message
