"""Plain data passed between the stages: articles, segments, findings. No I/O here."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True)
class Article:
    """A source article: front matter and Markdown body, as read from disk."""

    path: str  # relative to the project root, with forward slashes
    slug: str
    meta: dict[str, Any]
    body: str
    body_line: int  # 1-based line of the file where the body starts
    title_line: int | None = None  # line of the ``title:`` field in the front matter

    @property
    def title(self) -> str:
        return str(self.meta.get("title", self.slug))


@dataclass(frozen=True)
class Piece:
    """A run of an article body: a translatable segment, or markup and whitespace kept as is."""

    text: str
    translatable: bool
    line: int  # 1-based line in the source file where the piece starts
    continuation: str = ""  # markup a line break inside the segment takes (``> `` in quotes)


@dataclass(frozen=True)
class Segment:
    """A translatable sentence of an article, with where it stands."""

    text: str
    path: str
    line: int
    article_title: str


@dataclass(frozen=True)
class Issue:
    """What a check found in one entry, before it is placed in a file."""

    message: str
    severity: Severity | None = None  # None: the check's own severity
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    """A check result placed in a catalog: the unit of every report."""

    check: str
    severity: Severity
    message: str
    locale: str | None = None
    file: str | None = None
    line: int | None = None
    msgid: str | None = None
    msgctxt: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    waived: bool = False
