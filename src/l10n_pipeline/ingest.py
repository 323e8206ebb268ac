"""Stage 1: read the source articles (Markdown with YAML front matter) into ``Article`` objects."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from .errors import SourceError
from .models import Article

FRONT_MATTER_FIELDS = {"title", "date", "publisher", "language", "slug", "author"}
SLUG = re.compile(r"[a-z0-9][a-z0-9._-]{0,99}")


def discover_articles(source_dir: Path) -> list[Path]:
    """The Markdown files of the source folder, in a stable order."""
    if not source_dir.is_dir():
        raise SourceError("source folder not found", path=str(source_dir), hint="create it or set source_dir")
    return sorted(source_dir.glob("*.md"), key=lambda p: p.name)


def read_articles(source_dir: Path, root: Path) -> list[Article]:
    return [read_article(path, root) for path in discover_articles(source_dir)]


def read_article(path: Path, root: Path) -> Article:
    shown = _shown(path, root)
    text = _decode(path.read_bytes() if path.exists() else b"", shown, path)
    return parse_article(text, shown, path.stem)


def parse_article(text: str, shown: str, stem: str) -> Article:
    """Split front matter from body; ``shown`` is the path used in messages and references."""
    if "\r" in text:
        line = text.count("\n", 0, text.index("\r")) + 1
        raise SourceError("carriage return in source text", path=shown, line=line, hint="convert line ends to LF")
    meta, body, body_line, title_line = _split_front_matter(text, shown)
    if not body.strip():
        raise SourceError("the article has no body text", path=shown, line=body_line, hint="add the article text or remove the file")
    slug = str(meta.get("slug", stem))
    if not SLUG.fullmatch(slug):
        raise SourceError(
            f"slug {slug!r} is not a safe file name",
            path=shown,
            line=_front_matter_line(text, "slug") if "slug" in meta else None,
            hint="use lowercase letters, digits and hyphens only; no folders, no ..",
        )
    return Article(path=shown, slug=slug, meta=meta, body=body, body_line=body_line, title_line=title_line)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _decode(data: bytes, shown: str, path: Path) -> str:
    if not path.is_file():
        raise SourceError("cannot read the source file", path=shown, hint="check the path")
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise SourceError("binary data (NUL byte) in source text", path=shown, line=line, hint="source texts must be UTF-8 Markdown")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise SourceError("not UTF-8 text", path=shown, line=line, hint="save the file as UTF-8") from None
    if text.startswith("\ufeff"):
        raise SourceError("starts with a byte-order mark", path=shown, line=1, hint="save as UTF-8 without BOM")
    return text


def _split_front_matter(text: str, shown: str) -> tuple[dict, str, int, int | None]:
    if not text.startswith("---\n"):
        return {}, text, 1, None
    end = re.search(r"^---[ \t]*$", text[4:], re.M)
    if end is None:
        raise SourceError("front matter is not closed", path=shown, line=1, hint="end it with a line of three dashes")
    raw = text[4 : 4 + end.start()]
    body_start = 4 + end.end()
    if text[body_start : body_start + 1] == "\n":
        body_start += 1
    body_line = text.count("\n", 0, body_start) + 1
    meta = _load_front_matter(raw, shown)
    title_line = None
    match = re.search(r"^title\s*:", raw, re.M)
    if match:
        title_line = raw.count("\n", 0, match.start()) + 2
    return meta, text[body_start:], body_line, title_line


def _load_front_matter(raw: str, shown: str) -> dict:
    try:
        meta = yaml.safe_load(raw) if raw.strip() else {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(err, "problem", None) or "invalid YAML"
        raise SourceError(f"broken front matter: {problem}", path=shown, line=line, hint="fix the YAML between the --- lines") from None
    if not isinstance(meta, dict):
        raise SourceError("front matter must be a mapping of fields", path=shown, line=2, hint="write 'title: ...' lines")
    unknown = sorted(set(map(str, meta)) - FRONT_MATTER_FIELDS)
    if unknown:
        raise SourceError(
            f"unknown front matter field {unknown[0]!r}",
            path=shown,
            line=_field_line(raw, unknown[0]),
            hint=f"known fields: {', '.join(sorted(FRONT_MATTER_FIELDS))}",
        )
    for key, value in meta.items():
        if isinstance(value, (dt.date, dt.datetime)):
            meta[key] = value.isoformat()
        elif value is not None and not isinstance(value, (str, int, float)):
            raise SourceError(f"front matter field {key!r} must be text", path=shown, line=_field_line(raw, key))
    if "title" in meta and not str(meta["title"]).strip():
        raise SourceError("empty title", path=shown, line=_field_line(raw, "title"), hint="give the article a title")
    return meta


def _front_matter_line(text: str, key: str) -> int | None:
    """The line of the whole file where the front matter sets ``key``."""
    match = re.search(rf"^{re.escape(key)}\s*:", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _field_line(raw: str, key: str) -> int:
    match = re.search(rf"^{re.escape(str(key))}\s*:", raw, re.M)
    return raw.count("\n", 0, match.start()) + 2 if match else 2
