"""Reading source articles: front matter, body, and one-line errors for bad files."""

from __future__ import annotations

import pytest

from l10n_pipeline.errors import SourceError
from l10n_pipeline.ingest import parse_article, read_article


def test_front_matter_and_body():
    article = parse_article('---\ntitle: "A title"\ndate: 2024-02-27\nlanguage: en\n---\n\nBody.\n', "a.md", "a")
    assert article.meta == {"title": "A title", "date": "2024-02-27", "language": "en"}
    assert article.body == "\nBody.\n"
    assert article.body_line == 6
    assert article.title_line == 2


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("---\ntitle: [unclosed\n---\n\nBody.\n", 3, "broken front matter"),
        ("---\ntitle: x\n\nBody.\n", 1, "front matter is not closed"),
        ("---\ntitle: x\n---\n\n   \n", 4, "no body text"),
        ("---\ntitle: x\ncolour: red\n---\nBody.\n", 3, "unknown front matter field"),
        ("---\ntitle: x\nslug: ../../etc/passwd\n---\nBody.\n", None, "not a safe file name"),
        ("---\n- a list\n---\nBody.\n", 2, "must be a mapping"),
        ("Body.\r\nMore.\r\n", 1, "carriage return"),
    ],
)
def test_bad_articles_get_one_line_errors(text, line, words):
    with pytest.raises(SourceError) as caught:
        parse_article(text, "source_texts/bad.md", "bad")
    message = str(caught.value)
    assert words in message
    assert message.startswith("source_texts/bad.md:" + (f"{line}:" if line else ""))
    assert "\n" not in message


def test_binary_and_non_utf8_files(tmp_path):
    latin = tmp_path / "latin.md"
    latin.write_bytes("Title\n\nCaf\xe9 au lait.\n".encode("latin-1"))
    with pytest.raises(SourceError, match=r"latin.md:3: not UTF-8"):
        read_article(latin, tmp_path)
    binary = tmp_path / "binary.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(SourceError, match="NUL byte"):
        read_article(binary, tmp_path)
