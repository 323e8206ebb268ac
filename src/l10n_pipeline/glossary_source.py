"""Finding glossary terms in a source text.

A source sentence is searched for every term (its canonical form or a variant) at word
boundaries, longest first. The compiled scanners are kept on the glossary, so each is built once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Iterable

from .glossary_model import Glossary, Term, TermMatch
from .morphology import NOT_AFTER_WORD, NOT_BEFORE_WORD, SPACE, WORD_CHAR

__all__ = ["Occurrence", "find_terms", "literal_trie_regex", "term_occurrences", "word_prefix"]


Spelling = tuple[Term, bool, int]  # the term, whether the spelling is a variant, the term's index
# A TermMatch's fields (start, end, text, term, is_variant) and the index of the term in the glossary.
Occurrence = tuple[int, int, str, Term, bool, int]


PREFIX_LENGTH = 3  # letters of a spelling that pick the few spellings worth trying at a position
_WORD_CHAR = re.compile(f"[{WORD_CHAR}]")
IDENTIFIED_LIMIT = 10_000  # spellings remembered as found in texts; only case and spaces vary them

# A plain text is ASCII but for these; none is a letter or has a case, so an ASCII copy of the
# text (each mark as STAND_IN, each space as " ") is matched as the text itself would be.
PLAIN_MARKS = "‘’“”–—…«»"
PLAIN_SPACES = "\u00a0\u202f"
STAND_IN = "\x00"
_ASCII = tuple(map(chr, range(128)))
# WORD_CHAR in an ASCII text, as a class that compiles quickly (the scan holds one per spelling).
_ASCII_WORD_CHAR = "0-9A-Z_a-z"


@dataclass
class _SpellingScan:
    """Every spelling of one case policy, found as one regex alternation (longest first) would find them.

    Trying all spellings at every word start is slow, so a small regex finds the positions where
    some spelling's first letters stand, and only the spellings whose first letters match there
    are tried, in the same order, with the same flags.
    """

    names: tuple[str, ...]  # longest first
    flags: int
    finder: re.Pattern[str]
    # The whole scan as one regex over the ASCII copy of a plain text (lower-cased if case is
    # ignored); None if that could find otherwise.
    plain: re.Pattern[str] | None
    plain_marks: bool  # whether texts with PLAIN_MARKS may be scanned by ``plain``
    prefixes: dict[str, re.Pattern[str]]  # first letters of a spelling -> their regex
    by_prefix: dict[str, tuple[int, ...]]  # first letters -> indexes into ``names``
    groups: dict[str, re.Pattern[str] | None] = field(default_factory=dict)  # by the text at a position
    patterns: dict[tuple[int, ...], re.Pattern[str]] = field(default_factory=dict)
    ignore_case: bool = field(init=False)  # testing the flag on every text is measurable
    identified: dict[str, Spelling | None] = field(default_factory=dict)  # by the text found

    def __post_init__(self) -> None:
        self.ignore_case = bool(self.flags & re.IGNORECASE)

    def spans(self, text: str) -> Iterable[tuple[int, int]]:
        """Non-overlapping (start, end) of spellings, leftmost first, as ``re.finditer`` gives them."""
        copy = text if text.isascii() else _ascii_copy(text, self.plain_marks)
        if copy is not None and self.plain is not None:
            return _split_spans(self.plain.split(" " + (copy.lower() if self.ignore_case else copy)))
        groups = self.groups
        found = []
        resume = 0
        for candidate in self.finder.finditer(text):
            start = candidate.start()
            if start < resume:
                continue
            key = text[start : start + PREFIX_LENGTH]
            group = groups[key] if key in groups else self._group_for(key)
            matched = group.match(text, start) if group else None
            if matched:
                resume = matched.end()
                found.append((start, resume))
        return found

    def _group_for(self, key: str) -> re.Pattern[str] | None:
        group = self.groups[key] = self._compile_group(key)
        return group

    def _compile_group(self, key: str) -> re.Pattern[str] | None:
        members = tuple(
            sorted(
                index
                for prefix, regex in self.prefixes.items()
                if regex.match(key)
                for index in self.by_prefix[prefix]
            )
        )
        if not members:
            return None
        if members not in self.patterns:
            body = "|".join(_spelling_regex(self.names[index]) for index in members)
            self.patterns[members] = re.compile(f"(?:{body}){NOT_BEFORE_WORD}", self.flags)
        return self.patterns[members]


@dataclass(frozen=True)
class _SourceMatcher:
    """One scan per case policy over every spelling, and the spellings by their key."""

    scans: tuple[_SpellingScan, ...]
    spellings: dict[tuple[str, bool], Spelling]  # (key of the spelling, case_sensitive)


def find_terms(glossary: Glossary, text: str) -> list[TermMatch]:
    """Every term in a source ``text``: non-overlapping, longest spelling first."""
    return [
        TermMatch(term, start, end, found, is_variant)
        for start, end, found, term, is_variant, _ in term_occurrences(glossary, text)
    ]


def term_occurrences(glossary: Glossary, text: str) -> tuple[Occurrence, ...]:
    """What :func:`find_terms` finds, as plain tuples (quicker to make where few are looked at)."""
    last = glossary._matchers.get("last source")
    if last is not None and last[0] == text:
        return last[1]  # the glossary check and the variant check both ask for each entry
    occurrences = _find_occurrences(glossary._matchers.get("source") or _source_matcher(glossary), text)
    glossary._matchers["last source"] = (text, occurrences)
    return occurrences


_NOT_SEEN = object()


def _find_occurrences(matcher: _SourceMatcher, text: str) -> tuple[Occurrence, ...]:
    candidates = []
    for scan in matcher.scans:
        identified = scan.identified
        for start, end in scan.spans(text):
            found = text[start:end]
            spelling = identified.get(found, _NOT_SEEN)
            if spelling is _NOT_SEEN:
                spelling = _remember(matcher, scan, found)
            if spelling:
                candidates.append((start, end, found, *spelling))
    # One scan finds no overlapping spellings, and finds them in order.
    return tuple(candidates if len(matcher.scans) == 1 else _without_overlaps(candidates))


def _remember(matcher: _SourceMatcher, scan: _SpellingScan, found: str) -> Spelling | None:
    spelling = _identify(matcher, found, not scan.ignore_case)
    if len(scan.identified) < IDENTIFIED_LIMIT:
        scan.identified[found] = spelling
    return spelling


def _identify(matcher: _SourceMatcher, found: str, case_sensitive: bool) -> Spelling | None:
    spelling = matcher.spellings.get((_spelling_key(found, case_sensitive), case_sensitive))
    if spelling or case_sensitive:
        return spelling
    # Rare: a letter that IGNORECASE matches but casefold() spells otherwise (e.g. "İ").
    for (key, sensitive), candidate in matcher.spellings.items():
        if not sensitive and re.fullmatch(_spelling_regex(key), found, re.IGNORECASE):
            return candidate
    return None


def _without_overlaps(occurrences: list[Occurrence]) -> list[Occurrence]:
    kept: list[Occurrence] = []
    for occurrence in sorted(occurrences, key=lambda found: (found[0], found[0] - found[1])):
        if not kept or occurrence[0] >= kept[-1][1]:
            kept.append(occurrence)
    return kept


def _spelling_key(text: str, case_sensitive: bool) -> str:
    joined = " ".join(text.split())
    return joined if case_sensitive else joined.casefold()


def _spelling_regex(spelling: str) -> str:
    return SPACE.join(re.escape(word) for word in spelling.split())


def _source_matcher(glossary: Glossary) -> _SourceMatcher:
    cached = glossary._matchers.get("source")
    if cached is None:
        cached = glossary._matchers["source"] = _compile_source_matcher(glossary)
    return cached


def _compile_source_matcher(glossary: Glossary) -> _SourceMatcher:
    spellings = {
        (_spelling_key(name, term.case_sensitive), term.case_sensitive): (term, index > 0, position)
        for position, term in enumerate(glossary.terms)
        for index, name in enumerate(term.names)
    }
    scans = []
    for case_sensitive in (False, True):
        names = [name for term in glossary.terms if term.case_sensitive == case_sensitive for name in term.names]
        if names:
            flags = 0 if case_sensitive else re.IGNORECASE
            scans.append(_spelling_scan(sorted(names, key=len, reverse=True), flags))
    return _SourceMatcher(tuple(scans), spellings)


def _spelling_scan(names: list[str], flags: int) -> _SpellingScan:
    by_prefix: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        by_prefix.setdefault(word_prefix(name.split()[0]), []).append(index)
    finder = re.compile(NOT_AFTER_WORD + literal_trie_regex(by_prefix), flags)
    prefixes = {prefix: re.compile(re.escape(prefix), flags) for prefix in by_prefix}
    groups = {prefix: tuple(indexes) for prefix, indexes in by_prefix.items()}
    marks_allowed = not any(mark in name for name in names for mark in PLAIN_MARKS + STAND_IN)
    return _SpellingScan(tuple(names), flags, finder, _plain_scan(names, flags), marks_allowed, prefixes, groups)


def _ascii_copy(text: str, with_marks: bool) -> str | None:
    """The ASCII copy of a plain ``text`` (only if ``with_marks``), or None."""
    if not with_marks:
        return None
    for mark in PLAIN_MARKS:
        if mark in text:
            text = text.replace(mark, STAND_IN)
    for space in PLAIN_SPACES:
        if space in text:
            text = text.replace(space, " ")
    return text if text.isascii() else None


_END = ""  # marks the end of a spelling in a trie


def _plain_scan(names: list[str], flags: int) -> re.Pattern[str] | None:
    """The scan of ``names`` (longest first) as one regex for ASCII texts, or None if it would differ.

    At a position, the alternation finds the longest spelling that matches there. On an ASCII text
    (lower-cased if ``flags`` ignore case) every spelling is one string of ASCII letters, or none,
    so the spellings form a trie in which only one branch can match: taking the deepest end that
    matches finds that same spelling, and a regex does it in one pass.

    The regex splits the text with a space put before it (see :func:`_split_spans`): splitting
    makes no match objects, and the character before a spelling, when it is a spelling's only
    possible first character, lets the regex skip from one such character to the next.
    """
    if any(len(name) != len(" ".join(name.split())) for name in names):
        return None  # a run of spaces counts in the length of a spelling, but matches like one space
    trie: dict[str, dict] = {}
    for name in names:
        letters = [_ascii_equivalents(char, flags) for char in " ".join(name.split())]
        if not all(letters):
            continue  # it cannot occur in an ASCII text
        if any(len(choices) > 1 for choices in letters):
            return None
        node = trie
        for choices in letters:
            node = node.setdefault(next(iter(choices)), {})
        node[_END] = {}
    if not trie:
        return re.compile("()()(?!)")
    if all(_WORD_CHAR.match(char) for char in trie):
        # A spelling that begins with a word character is never right after another one: the
        # character before it is not a word character and is not part of the spelling before.
        return re.compile(f"([^{_ASCII_WORD_CHAR}])({_trie_regex(trie)})")
    return re.compile(f"(?<![{_ASCII_WORD_CHAR}])()({_trie_regex(trie)})")


def _split_spans(pieces: list[str]) -> list[tuple[int, int]]:
    """(start, end) of the spellings, from a plain scan's split of a text with a space before it.

    The pieces come in threes: the text before a spelling, the character just before it (or
    nothing), the spelling.
    """
    spans = []
    position = -1  # the space put before the text
    for index in range(0, len(pieces) - 1, 3):
        start = position + len(pieces[index]) + len(pieces[index + 1])
        position = start + len(pieces[index + 2])
        spans.append((start, position))
    return spans


def _trie_regex(node: dict[str, dict]) -> str:
    """Longer spellings first: a spelling may end only where no longer one goes on."""
    alternatives = [
        (SPACE if char == " " else re.escape(char)) + _trie_regex(child)
        for char, child in sorted(node.items())
        if char != _END
    ]
    if _END in node:
        alternatives.append(f"(?![{_ASCII_WORD_CHAR}])")
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


@cache
def _ascii_equivalents(char: str, flags: int) -> frozenset[str]:
    """The ASCII characters ``char`` matches, lower-cased if ``flags`` ignore case."""
    pattern = re.compile(re.escape(char), flags)
    if char == " ":
        return frozenset(" ")  # between words: any run of spaces, see SPACE
    matched = (letter for letter in _ASCII if pattern.fullmatch(letter))
    return frozenset(letter.lower() if flags & re.IGNORECASE else letter for letter in matched)


def word_prefix(word: str) -> str:
    """The first letters of ``word``, stopping before a non-word character (no match starts inside)."""
    prefix = word[:1]
    if not _WORD_CHAR.match(prefix):
        return prefix  # a spelling may start right after it
    for char in word[1:PREFIX_LENGTH]:
        if not _WORD_CHAR.match(char):
            break
        prefix += char
    return prefix


def literal_trie_regex(strings: Iterable[str]) -> str:
    """A regex matching any of ``strings`` (as a set), shared beginnings written once so it runs fast."""
    root: dict[str, dict] = {}
    for string in strings:
        node = root
        for char in string:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict[str, dict]) -> str:
        if "" in node:
            return ""  # a shorter string already matches: the rest cannot add a position
        alternatives = [re.escape(char) + branch(child) for char, child in sorted(node.items())]
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return branch(root)

