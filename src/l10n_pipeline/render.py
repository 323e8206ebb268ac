"""Stage 6: translated articles re-assembled from the catalogs, in the source's Markdown structure."""

from __future__ import annotations

import json
from dataclasses import dataclass

from babel import Locale

from .catalog import Catalog
from .config import Config
from .fileio import atomic_write
from .models import Article
from .segment import article_segments, body_pieces, join_pieces


@dataclass(frozen=True)
class RenderedArticle:
    slug: str
    text: str
    segments: int
    translated: int

    @property
    def fallbacks(self) -> int:
        return self.segments - self.translated


def translations_of(catalog: Catalog) -> dict[str, str]:
    """msgid → msgstr for usable translations: fuzzy and empty ones are left out."""
    return {entry.msgid: entry.msgstr for entry in catalog.live_entries if entry.translated and entry.msgctxt is None}


def render_article(article: Article, locale: str, translations: dict[str, str]) -> RenderedArticle:
    """The article in ``locale``; a sentence without a usable translation keeps its source text."""
    segments = article_segments(article)
    translated = sum(segment.text in translations for segment in segments)

    def translate(text: str) -> str:
        return translations.get(text, text)

    title = translate(article.title)
    share = 100.0 * translated / len(segments) if segments else 100.0
    meta = {"title": title}
    for key in ("date", "publisher"):
        if key in article.meta:
            meta[key] = str(article.meta[key])
    meta["language"] = locale
    if Locale.parse(locale).text_direction == "rtl":
        meta["dir"] = "rtl"
    meta["source"] = article.path
    meta["translated"] = f"{share:.1f}%"
    front = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
    body = join_pieces(body_pieces(article.body, article.body_line), translate)
    return RenderedArticle(article.slug, f"---\n{front}---\n{body}", len(segments), translated)


def write_rendered(config: Config, locale: str, rendered: list[RenderedArticle]) -> list[str]:
    """Write ``<render_dir>/<locale>/<slug>.md``; returns the files whose bytes changed."""
    written = []
    for article in rendered:
        path = config.render_dir / locale / f"{article.slug}.md"
        if atomic_write(path, article.text):
            written.append(config.relative(path))
    return written
