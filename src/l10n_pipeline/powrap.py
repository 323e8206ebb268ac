"""GNU gettext's PO layout: string escaping and wrapping as in write-po.c, with libunistring line breaking.

Our output matches ``msgcat``'s byte for byte on ordinary catalogs, so files stay diff-stable when
translators' tools rewrite them.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate

__all__ = ["format_references", "format_string"]

_OUTPUT_ESCAPES = (
    ("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\t", "\\t"), ("\r", "\\r"),
    ("\a", "\\a"), ("\b", "\\b"), ("\f", "\\f"), ("\v", "\\v"),
)
_NEEDS_ESCAPE = re.compile('[\\\\"\n\t\r\a\b\f\v]')

# Unicode line-break classes (UAX #14) for the characters news text uses; rarer ones by category.
_ASCII_CLASSES = {
    " ": "SP", "!": "EX", '"': "QU", "$": "PR", "%": "PO", "'": "QU", "(": "OP", ")": "CP",
    "+": "PR", ",": "IS", "-": "HY", ".": "IS", "/": "SY", ":": "IS", ";": "IS", "?": "EX",
    "[": "OP", "\\": "PR", "]": "CP", "{": "OP", "|": "BA", "}": "CL",
}
_UNICODE_CLASSES = {
    "\u00a0": "GL", "\u202f": "GL", "\u2007": "GL", "\u2011": "GL", "\u00ab": "QU", "\u00bb": "QU",
    "\u2018": "QU", "\u2019": "QU", "\u201c": "QU", "\u201d": "QU", "\u2039": "QU", "\u203a": "QU",
    "\u201a": "OP", "\u201e": "OP", "\u00a1": "OP", "\u00bf": "OP", "\u2010": "BA", "\u2013": "BA",
    "\u00ad": "BA", "\u2014": "B2", "\u2026": "IN", "\u00b0": "PO", "\u2030": "PO", "\u066a": "PO",
    "\u060c": "IS", "\u060d": "IS", "\u061b": "EX", "\u061f": "EX", "\u06d4": "EX",
}
_CATEGORY_CLASSES = {
    "Nd": "NU", "Ps": "OP", "Pe": "CL", "Pi": "QU", "Pf": "QU", "Pd": "BA", "Zs": "BA", "Sc": "PR",
    "Mn": "CM", "Mc": "CM", "Me": "CM", "Cf": "CM", "Cc": "CM",
}
# Pairs with no space between: the classes after which a break is allowed, by class before.
_DIRECT_BREAKS = {
    "AL": {"B2", "ID"}, "NU": {"B2", "ID"}, "QU": set(), "OP": set(), "GL": set(),
    "HY": {"AL", "OP", "PR", "PO", "B2", "GL", "ID"},
    "SY": {"AL", "OP", "PR", "PO", "B2", "ID"}, "IS": {"AL", "OP", "PR", "PO", "B2", "ID"},
    "EX": {"AL", "NU", "OP", "PR", "PO", "B2", "ID"}, "CP": {"OP", "B2", "ID"},
    "CL": {"AL", "NU", "OP", "B2", "ID"}, "PR": {"PR", "PO", "B2"}, "PO": {"PR", "PO", "B2", "ID"},
    "BA": {"AL", "NU", "OP", "PR", "PO", "B2", "GL", "ID"}, "B2": {"AL", "NU", "OP", "PR", "PO", "ID"},
    "ID": {"AL", "NU", "OP", "PR", "B2", "ID"}, "IN": {"AL", "NU", "OP", "PR", "PO", "B2", "ID"},
}
_NO_BREAK_BEFORE = {"SY", "IS", "EX", "CP", "CL"}
_NO_BREAK_AFTER_SPACES = {("QU", "OP"), ("CL", "NS"), ("B2", "B2")}
_CLASS_CACHE: dict[str, str] = {}


def format_references(out: list[str], references: list[str], width: int) -> None:
    """``#: a:1 b:2``, as many per line as fit in ``width`` (GNU counts bytes)."""
    line = ["#:"]
    column = 2
    for reference in references:
        length = (len(reference) if reference.isascii() else len(reference.encode("utf-8"))) + 1
        if column > 2 and column + length > width:
            out.append("".join(line) + "\n")
            line = ["#:"]
            column = 2
        line.append(" " + reference)
        column += length
    out.append("".join(line) + "\n")


def format_string(out: list[str], prefix: str, name: str, value: str, width: int) -> None:
    """One keyword and its string, wrapped like GNU: ``msgid ""`` plus continuation lines."""
    escaped = _escape(value)
    if "\n" in value[:-1]:
        out.append(f'{prefix}{name} ""\n')
        available = width - 2 - len(prefix)
        for portion in _portions(value):
            out.extend(f'{prefix}"{line}"\n' for line in _break_lines(_escape(portion), available, 0))
        return
    # One portion: the common case, written directly when it fits beside the keyword.
    available = width - 2 - len(prefix)
    if len(name) + 1 + _text_width(escaped) <= available:
        out.append(f'{prefix}{name} "{escaped}"\n')
        return
    lines = _break_lines(escaped, available, 0)
    if len(lines) == 1 and len(_break_lines(escaped, available, len(name) + 1)) == 1:
        out.append(f'{prefix}{name} "{escaped}"\n')
        return
    out.append(f'{prefix}{name} ""\n')
    out.extend(f'{prefix}"{line}"\n' for line in lines)


def _escape(value: str) -> str:
    """Backslash escapes as GNU writes them; other control characters stay as they are."""
    if _NEEDS_ESCAPE.search(value) is None:
        return value
    for char, escape in _OUTPUT_ESCAPES:
        if char in value:
            value = value.replace(char, escape)
    return value


def _portions(value: str) -> list[str]:
    """The string cut after each newline; GNU starts a new output line there."""
    pieces = value.split("\n")
    portions = [piece + "\n" for piece in pieces[:-1]]
    if pieces[-1] or not portions:
        portions.append(pieces[-1])
    return portions


def _break_lines(text: str, available: int, start_column: int) -> list[str]:
    """Greedy line filling at UAX #14 break opportunities, as libunistring's width_linebreaks."""
    offsets = _column_offsets(text)
    end = len(text)
    # GNU never breaks right before the "\n" that ends a portion.
    last_break = end - 2 if text.endswith("\\n") and _starts_escape(text, end - 2) else end
    lines: list[str] = []
    start = 0
    column = start_column
    while column + offsets[end] - offsets[start] > available:
        limit = bisect_right(offsets, available - column + offsets[start]) - 1
        limit = min(limit, last_break - 1)
        cut = _last_break(text, start, limit)
        if cut is None:
            cut = next((p for p in range(max(limit, start) + 1, last_break) if _can_break(text, p)), None)
            if cut is None:
                break
        lines.append(text[start:cut])
        start = cut
        column = 0
    lines.append(text[start:])
    return lines


def _last_break(text: str, start: int, limit: int) -> int | None:
    """The last break opportunity in ``(start, limit]``, or None."""
    for position in range(limit, start, -1):
        char = text[position]
        before_char = text[position - 1]
        # Inlined from _can_break: most positions are inside a word or on a space.
        if char == " " or (
            char.isalnum() and before_char.isalnum() and char < "\u1100" and before_char < "\u1100"
        ):
            continue
        if _can_break(text, position):
            return position
    return None


def _can_break(text: str, position: int) -> bool:
    """May a line break fall before ``text[position]``? Never between a backslash and its letter."""
    char = text[position]
    if char == " ":
        return False
    before_char = text[position - 1]
    if char.isalnum() and before_char.isalnum() and char < "\u1100" and before_char < "\u1100":
        return False  # the common case: inside a word
    after = _break_class(char)
    if after == "CM":
        return False
    before_index = position - 1
    if text[before_index] == "\\" and _starts_escape(text, before_index):
        return False
    while before_index >= 0 and text[before_index] == " ":
        before_index -= 1
    spaces = before_index < position - 1
    while before_index >= 0 and _break_class(text[before_index]) == "CM":
        before_index -= 1
    if before_index < 0:
        return False
    before = _break_class(text[before_index])
    if spaces:
        return before != "OP" and after not in _NO_BREAK_BEFORE and (before, after) not in _NO_BREAK_AFTER_SPACES
    return after in _DIRECT_BREAKS.get(before, _DIRECT_BREAKS["AL"])


def _starts_escape(text: str, index: int) -> bool:
    """In escaped text every backslash run pairs up; an odd run length means ``index`` opens one."""
    run = 0
    while index >= 0 and text[index] == "\\":
        run += 1
        index -= 1
    return run % 2 == 1


def _break_class(char: str) -> str:
    """The line-break class of a character, computed once per distinct character."""
    line_class = _CLASS_CACHE.get(char)
    if line_class is None:
        line_class = _CLASS_CACHE[char] = _classify(char)
    return line_class


def _classify(char: str) -> str:
    if char < "\x80":
        return _ASCII_CLASSES.get(char, "CM" if char < " " else "NU" if char.isdigit() else "AL")
    if char in _UNICODE_CLASSES:
        return _UNICODE_CLASSES[char]
    category = unicodedata.category(char)
    if category in _CATEGORY_CLASSES:
        return _CATEGORY_CLASSES[category]
    return "ID" if unicodedata.east_asian_width(char) in ("W", "F") else "AL"


@lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    """Terminal columns, as libunistring's uc_width: wide 2, combining and control 0."""
    if unicodedata.category(char) in ("Mn", "Me", "Cf", "Cc"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _text_width(text: str) -> int:
    if text.isascii() or _odd_width_chars().search(text) is None:
        return len(text)
    return sum(map(_char_width, text))


def _column_offsets(text: str) -> Sequence[int]:
    """Column at which each character starts (plus the end), for bisecting a line's limit."""
    if text.isascii() or _odd_width_chars().search(text) is None:
        return range(len(text) + 1)
    return [0, *accumulate(map(_char_width, text))]


@lru_cache(maxsize=1)
def _odd_width_chars() -> re.Pattern[str]:
    """A character class of everything not one column wide: scanned once, on first use."""
    ranges: list[str] = []
    run_start = None
    for code in range(0x80, 0x10000):
        odd = _char_width(chr(code)) != 1 if not 0xD800 <= code < 0xE000 else False
        if odd and run_start is None:
            run_start = code
        elif not odd and run_start is not None:
            ranges.append(f"{re.escape(chr(run_start))}-{re.escape(chr(code - 1))}")
            run_start = None
    # Beyond the BMP: emoji and CJK extension planes are wide.
    ranges.append("\U0001F000-\U0001FAFF\U00020000-\U0003FFFD")
    return re.compile(f"[{''.join(ranges)}]")
