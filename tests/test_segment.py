"""Markdown blocks and sentence pieces: the body always comes back exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from l10n_pipeline.ingest import read_articles
from l10n_pipeline.segment import article_segments, body_pieces, join_pieces

ROOT = Path(__file__).resolve().parent.parent


def segments_of(body: str) -> list[str]:
    return [p.text for p in body_pieces(body) if p.translatable]


def test_heading_paragraph_list_quote():
    body = (
        "# Headline here\n\n"
        "First sentence. Second one.\n\n"
        "- An item. Two sentences.\n"
        "- Another item\n\n"
        "1. Numbered item.\n\n"
        "> Quoted text. It goes on\n> over two lines.\n"
    )
    assert segments_of(body) == [
        "Headline here",
        "First sentence.",
        "Second one.",
        "An item.",
        "Two sentences.",
        "Another item",
        "Numbered item.",
        "Quoted text.",
        "It goes on\nover two lines.",
    ]
    assert join_pieces(body_pieces(body)) == body


def test_quote_markers_come_back_around_translations():
    body = "> One sentence\n> over two lines.\n"
    pieces = body_pieces(body)
    translated = join_pieces(pieces, lambda text: text.upper())
    assert translated == "> ONE SENTENCE\n> OVER TWO LINES.\n"


def test_code_fences_tables_and_breaks_are_not_translated():
    body = "Text.\n\n```\ncode. More code.\n```\n\n---\n\n| a | b |\n|---|---|\n\n<div>html</div>\n"
    assert segments_of(body) == ["Text."]
    assert join_pieces(body_pieces(body)) == body


def test_headline_and_subheadline_on_separate_lines():
    body = "Nationwide march held in Baku\nPresident participates in the march\n"
    assert segments_of(body) == ["Nationwide march held in Baku", "President participates in the march"]


def test_line_numbers_point_into_the_file():
    body = "\n# Title\n\nOne here. Two here.\nThree here.\n"
    pieces = [p for p in body_pieces(body, first_line=7) if p.translatable]
    assert [(p.text, p.line) for p in pieces] == [("Title", 8), ("One here.", 10), ("Two here.", 10), ("Three here.", 11)]


@pytest.mark.parametrize("article", read_articles(ROOT / "source_texts", ROOT), ids=lambda a: a.slug)
def test_bundled_articles_round_trip(article):
    pieces = body_pieces(article.body, article.body_line)
    assert join_pieces(pieces) == article.body
    lines = (ROOT / article.path).read_text(encoding="utf-8").split("\n")
    for piece in pieces:
        if piece.translatable:
            first_line = piece.text.split("\n")[0]
            assert first_line in lines[piece.line - 1]


def test_title_is_the_first_segment():
    article = read_articles(ROOT / "source_texts", ROOT)[0]
    segments = article_segments(article)
    assert segments[0].text == article.title
    assert segments[0].line == article.title_line


markdownish = st.lists(
    st.sampled_from(list("ab .!?#->*1`|\n\t\u00a0\"“”") + ["Mr.", "U.S.", "...", "\n\n", "- ", "> "]), max_size=80
).map("".join)


@given(markdownish)
def test_any_body_comes_back_exactly(body):
    assert join_pieces(body_pieces(body)) == body
