"""Pre-folding and tokenising: one script-neutral view of the text, with spans kept."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
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
# Every form starts with a non-space: the look-ahead skips spaces in one step.
TOKEN = re.compile(
    r"""(?=\S)(?:
     (?P<url>https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
    |(?P<tag>[#@][^\W_]\w*)
    |(?P<phone>\+\d[\d \u00a0()\-–]{6,}\d)
    |""" + DIGIT_FORMS + r"""
    |(?P<code>(?<![^\W\d_])[^\W\d_]+-?\d+[^\W_]*)""" + NUMERAL + r"""
    |(?P<word>LETTER+(?:['-]LETTER+)*)
    |(?P<sym>\S)
    )""".replace("LETTER", LETTER),
    re.X,
)
# The same grammar for text without URL, tag or phone marks, several times faster: a word run
# is scanned in one step, and only a run holding a digit is handed to the full grammar.
# Words come first because they are most tokens; no word starts with a digit, so the order
# changes nothing. The look-ahead lets the scan pass over spaces without trying each form.
FAST_TOKEN = re.compile(
    rf"""(?=\S)(?:
     (?P<word>{LETTER}[\w{MARKS}]*(?:['-][\w{MARKS}]+)*)
    |""" + DIGIT_FORMS.lstrip().removeprefix("|") + NUMERAL + r"""
    |(?P<sym>\S)
    )""",
    re.X,
)
PROTECTED_CHAR = re.compile(r"[@#+]")
HAS_DIGIT = re.compile(r"\d")
# A digit right after a letter, mark, underscore, apostrophe or hyphen: the first digit of
# every word token that holds one ("COVID-19") follows such a character of the same token.
DIGIT_IN_WORD = re.compile(rf"(?<=[^\W\d]|[{MARKS}'-])\d")


class Token(NamedTuple):
    """A run of the folded text: a number, a word or one symbol."""

    kind: str
    text: str
    start: int
    end: int


# Building tokens and folded texts through ``tuple.__new__`` skips the Python-level ``__new__``
# of the named tuple: one is made per word and per text read, so the call is worth saving.
_new_tuple = tuple.__new__


class FoldedText(NamedTuple):
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

# Folding is needed for a native digit (any digit but 0-9) or one of the few marks of FOLD_TABLE.
NEEDS_FOLDING = re.compile(
    "[" + "".join(re.escape(chr(code)) for code in sorted(FOLD_TABLE)) + r"]|[^\D0-9]")
DROPPED_OR_FOLDED = re.compile(f"{DROPPED_RE.pattern}|{NEEDS_FOLDING.pattern}")


@lru_cache(maxsize=1024)  # the quick path and the full reader fold the same text in turn
def fold(text: str) -> FoldedText:
    """NFC, drop invisible controls, fold native digits, dashes and apostrophes."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if text.isascii() and "`" not in text:  # the backtick is the one ASCII character folded
        return _new_tuple(FoldedText, (text, ()))
    if not DROPPED_OR_FOLDED.search(text):  # the common case: nothing to drop or fold
        return _kept_in_place(text)
    if not DROPPED_RE.search(text):
        return _kept_in_place(text.translate(FULL_TABLE))
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        if char in DROPPED:
            continue
        chars.append(_fold_char(char))
        offsets.append(index)
    return _finish("".join(chars), offsets)


def _kept_in_place(folded: str) -> FoldedText:
    """A text folded character for character: offsets are needed only if an affix goes."""
    if not _has_arabic_affix(folded):
        return _new_tuple(FoldedText, (folded, ()))
    return _finish(folded, list(range(len(folded))))


def _has_arabic_affix(text: str) -> bool:
    """The affixes hold "ال" or "ء": a substring test rules most texts out before the patterns."""
    if "\u0627\u0644" not in text and "\u0621" not in text:
        return False
    return bool(ARABIC_DEFINITE_BEFORE_DIGIT.search(text) or URDU_YEAR_MARK.search(text))


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
    if _has_protected_marks(text):
        return _full_tokens(text, 0, len(text))
    tokens = [_new_tuple(Token, (m.lastgroup, m.group(), *m.span())) for m in FAST_TOKEN.finditer(text)]
    if DIGIT_IN_WORD.search(text):
        _split_digit_words(text, tokens)
    return tokens


def _has_protected_marks(text: str) -> bool:
    """A mark of a URL, a tag or a phone; substring tests scan faster than one alternation."""
    return "://" in text or "www." in text or PROTECTED_CHAR.search(text) is not None


def _split_digit_words(text: str, tokens: list[Token]) -> None:
    """Hand each word run holding a digit to the full grammar, in place.

    Only the tokens around a digit glued to a word character are looked at, so a long
    sentence is not walked token by token.
    """
    indices = {bisect_right(tokens, match.start() - 1, key=_token_start) - 1
               for match in DIGIT_IN_WORD.finditer(text)}
    for index in sorted(indices, reverse=True):  # from the end: earlier indices stay valid
        tok = tokens[index]  # every non-space character is in a token, so index >= 0
        if tok.kind == "word" and not tok.text.isalpha() and HAS_DIGIT.search(tok.text):
            tokens[index:index + 1] = _full_tokens(text, tok.start, tok.end)


def _token_start(tok: Token) -> int:
    return tok.start


def _full_tokens(text: str, start: int, end: int) -> list[Token]:
    return [_new_tuple(Token, (m.lastgroup or "sym", m.group(), m.start(), m.end()))
            for m in TOKEN.finditer(text, start, end)]
