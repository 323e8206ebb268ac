"""Finding glossary terms in a source text.

A source sentence is searched for every term (its canonical form or a variant) at word
boundaries, longest first. The compiled scanners are kept on the glossary, so each is built once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from .glossary_model import Glossary, Term, TermMatch
from .morphology import NOT_AFTER_WORD, NOT_BEFORE_WORD, SPACE, WORD_CHAR

__all__ = ["find_terms", "literal_trie_regex", "word_prefix"]


Spelling = tuple[Term, bool]  # the term, and whether the spelling is a variant


PREFIX_LENGTH = 3  # letters of a spelling that pick the few spellings worth trying at a position
_WORD_CHAR = re.compile(f"[{WORD_CHAR}]")


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
    prefixes: dict[str, re.Pattern[str]]  # first letters of a spelling -> their regex
    by_prefix: dict[str, tuple[int, ...]]  # first letters -> indexes into ``names``
    groups: dict[str, re.Pattern[str] | None] = field(default_factory=dict)  # by the text at a position
    patterns: dict[tuple[int, ...], re.Pattern[str]] = field(default_factory=dict)

    def finditer(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping (start, end, text) of spellings, leftmost first, as ``re.finditer`` gives them."""
        found = []
        resume = 0
        for candidate in self.finder.finditer(text):
            start = candidate.start()
            if start < resume:
                continue
            group = self._group_at(text, start)
            matched = group.match(text, start) if group else None
            if matched:
                found.append((start, matched.end(), matched.group()))
                resume = matched.end()
        return found

    def _group_at(self, text: str, start: int) -> re.Pattern[str] | None:
        key = text[start : start + PREFIX_LENGTH]
        if key not in self.groups:
            self.groups[key] = self._compile_group(key)
        return self.groups[key]

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

    scans: tuple[tuple[_SpellingScan, bool], ...]  # (scan, case_sensitive)
    spellings: dict[tuple[str, bool], Spelling]  # (key of the spelling, case_sensitive)


def find_terms(glossary: Glossary, text: str) -> list[TermMatch]:
    """Every term in a source ``text``: non-overlapping, longest spelling first."""
    last = glossary._matchers.get("last source")
    if last is not None and last[0] == text:
        return list(last[1])  # the glossary check and the variant check both ask for each entry
    matches = _find_terms(_source_matcher(glossary), text)
    glossary._matchers["last source"] = (text, tuple(matches))
    return matches


def _find_terms(matcher: _SourceMatcher, text: str) -> list[TermMatch]:
    candidates = []
    for scan, case_sensitive in matcher.scans:
        for start, end, found in scan.finditer(text):
            spelling = _identify(matcher, found, case_sensitive)
            if spelling:
                term, is_variant = spelling
                candidates.append(TermMatch(term, start, end, found, is_variant))
    return _without_overlaps(candidates)


def _identify(matcher: _SourceMatcher, found: str, case_sensitive: bool) -> Spelling | None:
    spelling = matcher.spellings.get((_spelling_key(found, case_sensitive), case_sensitive))
    if spelling or case_sensitive:
        return spelling
    # Rare: a letter that IGNORECASE matches but casefold() spells otherwise (e.g. "İ").
    for (key, sensitive), candidate in matcher.spellings.items():
        if not sensitive and re.fullmatch(_spelling_regex(key), found, re.IGNORECASE):
            return candidate
    return None


def _without_overlaps(matches: list[TermMatch]) -> list[TermMatch]:
    kept: list[TermMatch] = []
    for match in sorted(matches, key=lambda m: (m.start, m.start - m.end)):
        if not kept or match.start >= kept[-1].end:
            kept.append(match)
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
        (_spelling_key(name, term.case_sensitive), term.case_sensitive): (term, index > 0)
        for term in glossary.terms
        for index, name in enumerate(term.names)
    }
    scans = []
    for case_sensitive in (False, True):
        names = [name for term in glossary.terms if term.case_sensitive == case_sensitive for name in term.names]
        if names:
            flags = 0 if case_sensitive else re.IGNORECASE
            scans.append((_spelling_scan(sorted(names, key=len, reverse=True), flags), case_sensitive))
    return _SourceMatcher(tuple(scans), spellings)


def _spelling_scan(names: list[str], flags: int) -> _SpellingScan:
    by_prefix: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        by_prefix.setdefault(word_prefix(name.split()[0]), []).append(index)
    finder = re.compile(NOT_AFTER_WORD + literal_trie_regex(by_prefix), flags)
    prefixes = {prefix: re.compile(re.escape(prefix), flags) for prefix in by_prefix}
    groups = {prefix: tuple(indexes) for prefix, indexes in by_prefix.items()}
    return _SpellingScan(tuple(names), flags, finder, prefixes, groups)


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

