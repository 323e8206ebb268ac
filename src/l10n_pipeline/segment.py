"""Stage 2: an article body → Markdown blocks → sentence segments.

The body is cut into pieces that are either markup (kept as is) or translatable sentences, so that
joining the pieces gives the body back exactly, and joining translations in their place gives the
translated article with the same structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import Article, Piece, Segment
from .sentences import sentence_spans

HEADING = re.compile(r"(#{1,6}[ \t]+)(.*?)([ \t]+#+)?[ \t]*$")
LIST_ITEM = re.compile(r"([ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+)(.*)$")
QUOTE = re.compile(r"((?:[ \t]{0,3}>[ \t]?)+)(.*)$")
FENCE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})")
THEMATIC_BREAK = re.compile(r"[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$")
HTML_BLOCK = re.compile(r"[ \t]{0,3}<(?:!--|/?[A-Za-z][A-Za-z0-9-]*[\s>/])")
TABLE_ROW = re.compile(r"[ \t]{0,3}\|")


@dataclass(frozen=True)
class Block:
    """A Markdown block: its markup prefix, its text, and the prefix each continuation line takes."""

    kind: str  # heading, paragraph, item, quote, verbatim
    prefix: str
    text: str
    suffix: str
    continuation: str
    line: int


def split_blocks(body: str, first_line: int = 1) -> list[Block | str]:
    """The body as blocks and the raw strings between them (blank lines, line ends)."""
    lines = body.split("\n")
    out: list[Block | str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        number = first_line + i
        last = i == len(lines) - 1
        end = "" if last else "\n"
        if not line.strip() or THEMATIC_BREAK.match(line) or TABLE_ROW.match(line) or HTML_BLOCK.match(line):
            out.append(line + end)
            i += 1
            continue
        fence = FENCE.match(line)
        if fence:
            j = i + 1
            while j < len(lines) and not lines[j].lstrip().startswith(fence.group(1)):
                j += 1
            j = min(j, len(lines) - 1)
            out.append("\n".join(lines[i : j + 1]) + ("" if j == len(lines) - 1 else "\n"))
            i = j + 1
            continue
        heading = HEADING.match(line)
        if heading and heading.group(2):
            out.append(Block("heading", heading.group(1), heading.group(2), heading.group(3) or "", "", number))
            out.append(line[heading.end(2) + len(heading.group(3) or "") :] + end)
            i += 1
            continue
        kind, prefix, first_text, continuation = _opening(line)
        j = i + 1
        while j < len(lines) and _continues(kind, lines[j], continuation):
            j += 1
        rest = lines[i + 1 : j]
        if kind == "item":
            indent = " " * len(prefix)
            continuation = indent if all(more.startswith(indent) for more in rest) else ""
        text = "\n".join([first_text, *(more[len(continuation) :] for more in rest)])
        stripped = text.rstrip(" \t")
        out.append(Block(kind, prefix, stripped, text[len(stripped) :], continuation, number))
        out.append("" if j == len(lines) else "\n")
        i = j
    return out


def _opening(line: str) -> tuple[str, str, str, str]:
    quote = QUOTE.match(line)
    if quote:
        return "quote", quote.group(1), quote.group(2), quote.group(1)
    item = LIST_ITEM.match(line)
    if item and item.group(2).strip():
        return "item", item.group(1), item.group(2), ""
    return "paragraph", "", line, ""


def _continues(kind: str, line: str, continuation: str) -> bool:
    if not line.strip() or FENCE.match(line) or THEMATIC_BREAK.match(line):
        return False
    if kind == "quote":
        return line.startswith(continuation) and bool(line[len(continuation) :].strip())
    if HEADING.match(line) or QUOTE.match(line) or LIST_ITEM.match(line) or TABLE_ROW.match(line):
        return False
    return True


def body_pieces(body: str, first_line: int = 1) -> list[Piece]:
    """The body as markup and sentence pieces; ``"".join(p.text for p in pieces) == body``."""
    pieces: list[Piece] = []
    for part in split_blocks(body, first_line):
        if isinstance(part, str):
            _append_markup(pieces, part, 0)
            continue
        _append_markup(pieces, part.prefix, part.line)
        pieces.extend(_sentence_pieces(part))
        _append_markup(pieces, part.suffix, part.line)
    return pieces


def _sentence_pieces(block: Block) -> list[Piece]:
    pieces: list[Piece] = []
    cursor = 0
    text = block.text
    for start, end in sentence_spans(text):
        gap = text[cursor:start]
        if gap:
            pieces.append(Piece(_with_continuation(gap, block.continuation), False, 0))
        line = block.line + text.count("\n", 0, start)
        pieces.append(Piece(text[start:end], True, line))
        cursor = end
    if text[cursor:]:
        pieces.append(Piece(_with_continuation(text[cursor:], block.continuation), False, 0))
    return [
        Piece(p.text, True, p.line, block.continuation) if p.translatable else p for p in pieces
    ]


def _with_continuation(text: str, continuation: str) -> str:
    return text.replace("\n", "\n" + continuation) if continuation else text


def _append_markup(pieces: list[Piece], text: str, line: int) -> None:
    if not text:
        return
    if pieces and not pieces[-1].translatable:
        last = pieces.pop()
        text = last.text + text
    pieces.append(Piece(text, False, line))


def join_pieces(pieces: list[Piece], translate=None) -> str:
    """The body again, each sentence passed through ``translate`` when given."""
    out = []
    for piece in pieces:
        if not piece.translatable:
            out.append(piece.text)
            continue
        text = translate(piece.text) if translate else piece.text
        out.append(_with_continuation(text, piece.continuation))
    return "".join(out)


def article_segments(article: Article) -> list[Segment]:
    """The translatable segments of an article in source order: its title first."""
    segments = []
    if article.meta.get("title"):
        segments.append(Segment(str(article.meta["title"]).strip(), article.path, article.title_line or 1, article.title))
    for piece in body_pieces(article.body, article.body_line):
        if piece.translatable:
            segments.append(Segment(piece.text, article.path, piece.line, article.title))
    return segments
