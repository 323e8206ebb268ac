"""Pre-folding and tokenising: one script-neutral view of the text, with spans kept."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

DROPPED = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u00ad\u200b")
HYPHENS = dict.fromkeys(map(ord, "\u2010\u2011"), "-")
DASHES = dict.fromkeys(map(ord, "\u2012\u2013\u2014\u2015\ufe63\uff0d"), "\u2013")
APOSTROPHES = dict.fromkeys(map(ord, "\u2018\u2019\u02bc\u0060\u00b4"), "'")
FOLD_TABLE = {**HYPHENS, **DASHES, **APOSTROPHES, ord("\u2212"): "\u2212", ord("\u066a"): "%"}
ARABIC_DEFINITE_BEFORE_DIGIT = re.compile(r"ال\u0640+(?=\d)")
URDU_YEAR_MARK = re.compile(r"(?<=\d)\u0621")

# Letters plus the combining marks and joiners that live inside words (Devanagari, Arabic, ZWNJ).
MARKS = "\u0300-\u036f\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0963\u0970-\u097f\u200c\u200d"
LETTER = rf"(?:[^\W\d_]|[{MARKS}])"
DIGIT_FORMS = r"""
     (?P<isodate>\d{4}-\d{1,2}-\d{1,2}(?!\d))
    |(?P<date>\d{1,4}(?P<sep>[./])\d{1,2}(?P=sep)\d{1,4}(?!\d))
    |(?P<slash>\d{1,2}/\d{1,2}(?![\d/]))
    |(?P<time>\d{1,2}:\d{2}(?![\d:]))
"""
NUMERAL = r"""
    |(?P<num>\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?!\d)
        |\d{1,3}(?:[,.'\u0020\u00a0\u202f\u2009\u066c]\d{3})+(?:[.,\u066b]\d+)?(?!\d)
        |\d+(?:[.,\u066b]\d+)?(?!\d))
"""
# The full grammar: protected spans (URLs, tags, phones, codes) before numbers and words.
TOKEN = re.compile(
    r"""
     (?P<url>https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
    |(?P<tag>[#@][^\W_]\w*)
    |(?P<phone>\+\d[\d \u00a0()\-–]{6,}\d)
    |""" + DIGIT_FORMS + r"""
    |(?P<code>(?<![^\W\d_])[^\W\d_]+-?\d+[^\W_]*)""" + NUMERAL + r"""
    |(?P<word>LETTER+(?:['-]LETTER+)*)
    |(?P<sym>\S)
    """.replace("LETTER", LETTER),
    re.X,
)
# The same grammar for text without URL, tag or phone marks, several times faster: a word run
# is scanned in one step, and only a run holding a digit is handed to the full grammar.
FAST_TOKEN = re.compile(
    DIGIT_FORMS + NUMERAL + rf"""
    |(?P<word>{LETTER}[\w{MARKS}]*(?:['-][\w{MARKS}]+)*)
    |(?P<sym>\S)
    """,
    re.X,
)
PROTECTED_MARKS = re.compile(r"[@#+]|://|www\.")
HAS_DIGIT = re.compile(r"\d")


class Token(NamedTuple):
    """A run of the folded text: a number, a word or one symbol."""

    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class FoldedText:
    """The folded text and, for each of its characters, the offset in the original."""

    text: str
    offsets: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Span in the NFC form of the original text; offsets are empty when they are identity."""
        if not self.offsets:
            return (start, end)
        last = len(self.offsets) - 1
        return (self.offsets[min(start, last)], self.offsets[min(max(end - 1, 0), last)] + 1)


def _native_digit_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x80, 0x20000):
        char = chr(code)
        digit = unicodedata.decimal(char, None)
        if digit is not None:
            table[code] = str(digit)
    return table


FULL_TABLE = {**_native_digit_table(), **FOLD_TABLE}
DROPPED_RE = re.compile("[" + "".join(sorted(DROPPED)) + "]")

# Folding is needed for a native digit or one of the few marks of FOLD_TABLE: two quick scans.
FOLDED_MARK = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(FOLD_TABLE)) + "]")
ANY_DIGIT = re.compile(r"\d")


def _needs_folding(text: str) -> bool:
    return bool(FOLDED_MARK.search(text)) or any(digit > "9" for digit in ANY_DIGIT.findall(text))


def fold(text: str) -> FoldedText:
    """NFC, drop invisible controls, fold native digits, dashes and apostrophes."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if text.isascii() and "`" not in text:  # the backtick is the one ASCII character folded
        return FoldedText(text, ())
    if not DROPPED_RE.search(text):
        folded = text.translate(FULL_TABLE) if _needs_folding(text) else text
        if not (ARABIC_DEFINITE_BEFORE_DIGIT.search(folded) or URDU_YEAR_MARK.search(folded)):
            return FoldedText(folded, ())
        return _finish(folded, list(range(len(folded))))
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        if char in DROPPED:
            continue
        chars.append(_fold_char(char))
        offsets.append(index)
    return _finish("".join(chars), offsets)


def _finish(folded: str, offsets: list[int]) -> FoldedText:
    folded, offsets = _strip_affix(ARABIC_DEFINITE_BEFORE_DIGIT, folded, offsets)
    folded, offsets = _strip_affix(URDU_YEAR_MARK, folded, offsets)
    return FoldedText(folded, tuple(offsets))


def _fold_char(char: str) -> str:
    if char.isdigit() and not char.isascii():
        digit = unicodedata.decimal(char, None)
        if digit is not None:
            return str(digit)
    return char.translate(FOLD_TABLE) if ord(char) in FOLD_TABLE else char


def _strip_affix(pattern: re.Pattern[str], text: str, offsets: list[int]) -> tuple[str, list[int]]:
    if not pattern.search(text):
        return text, offsets
    keep = [True] * len(text)
    for match in pattern.finditer(text):
        for i in range(match.start(), match.end()):
            keep[i] = False
    return ("".join(c for c, k in zip(text, keep) if k), [o for o, k in zip(offsets, keep) if k])


def tokenize(text: str) -> list[Token]:
    """Split folded text into tokens; whitespace separates them and is not a token."""
    if PROTECTED_MARKS.search(text):
        return _full_tokens(text, 0, len(text))
    tokens: list[Token] = []
    for match in FAST_TOKEN.finditer(text):
        kind, word = match.lastgroup or "sym", match.group()
        start, end = match.span()
        if kind == "word" and not word.isalpha() and HAS_DIGIT.search(word):
            tokens.extend(_full_tokens(text, start, end))
        else:
            tokens.append(Token(kind, word, start, end))
    return tokens


def _full_tokens(text: str, start: int, end: int) -> list[Token]:
    return [Token(m.lastgroup or "sym", m.group(), m.start(), m.end())
            for m in TOKEN.finditer(text, start, end)]
