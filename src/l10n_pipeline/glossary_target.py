"""Checking a translation against the glossary terms of its source.

A translation must hold an approved form of each term of its source as many times as the
source holds the term; the forms may be inflected as the target language inflects them (see
:mod:`l10n_pipeline.morphology`). A forbidden form is always an error. A missing term's issue
names the words that look most like it (a near miss), if any.

Most translations are right, and are let through by a quick test that only counts: no word of
the translation can begin a forbidden form, and each term's forms occur often enough without
overlapping one another. Anything else goes through the full check, which finds the issues.
"""

from __future__ import annotations

import os.path
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import partial

from .glossary_model import Glossary, Term, approved_forms, forbidden_forms
from .glossary_source import Occurrence, literal_trie_regex, term_occurrences, word_prefix
from .models import Issue
from .morphology import (
    NOT_AFTER_WORD,
    NOT_BEFORE_WORD,
    WORD_CHAR,
    Morphology,
    fold,
    form_alternatives,
    morphology_for,
    skeleton,
)

__all__ = ["check_translation"]


CLEAN_WORDS_LIMIT = 200_000  # words remembered as starting no forbidden form, per locale
_WORD_CHAR = re.compile(f"[{WORD_CHAR}]")


class _FormsMatcher:
    """Some forms of a term, found where the regex of :func:`form_pattern` would find them.

    Each alternative of each form is tried where its literal start stands, and only its rest is a
    regex: the rests are alike for most forms, so hundreds of terms compile a handful of regexes.
    """

    def __init__(self, alternatives: list[tuple[str, re.Pattern[str]]], word_boundary: bool) -> None:
        self.alternatives = alternatives  # (literal start, compiled rest), in the order tried
        self.word_boundary = word_boundary
        self.heads = _heads([start for start, _ in alternatives])  # every match begins with one

    def match(self, haystack: str, start: int) -> int | None:
        """The end of the form that begins at ``start`` in ``haystack``, or None."""
        if self.word_boundary and start and _WORD_CHAR.match(haystack, start - 1):
            return None
        for literal, rest in self.alternatives:
            if haystack.startswith(literal, start):
                matched = rest.match(haystack, start + len(literal))
                if matched:
                    return matched.end()
        return None

    def spans(self, haystack: str) -> list[tuple[int, int]]:
        """(start, end) of every form in ``haystack``, as ``finditer`` would find them."""
        if len(self.heads) == 1:
            next_head = partial(haystack.find, self.heads[0])
        else:
            next_head = partial(_next_of, self.heads, haystack)
        spans = []
        match = self.match
        position = next_head(0)
        while position >= 0:
            end = match(haystack, position)
            if end is None:
                position = next_head(position + 1)
            else:
                spans.append((position, end))
                position = next_head(end)
        return spans


def _next_of(heads: tuple[str, ...], haystack: str, start: int) -> int:
    """Where the first of ``heads`` stands in ``haystack`` from ``start`` on, or -1."""
    found = [position for position in (haystack.find(head, start) for head in heads) if position >= 0]
    return min(found, default=-1)


def _heads(starts: list[str]) -> tuple[str, ...]:
    """The fewest beginnings that every one of ``starts`` begins with one of."""
    shared = os.path.commonprefix(starts)
    if shared:
        return (shared,)
    heads: list[str] = []
    for start in sorted(set(starts)):
        if not heads or not start.startswith(heads[-1]):
            heads.append(start)
    return tuple(heads)


@dataclass(frozen=True)
class _TermPatterns:
    approved: _FormsMatcher | None
    forbidden: _FormsMatcher | None
    folded: bool  # matched against the folded text (case-insensitive terms)
    forbidden_in_one_word: bool  # no forbidden form spans two words


@dataclass(frozen=True)
class _Span:
    term: Term
    start: int
    end: int


class _Target:
    __slots__ = ("text", "folded")  # made for every entry: a plain class is quicker to make

    def __init__(self, text: str, folded: str) -> None:
        self.text = text  # NFC
        self.folded = folded  # same length as ``text``


def check_translation(glossary: Glossary, source: str, target: str, locale: str) -> list[Issue]:
    """Issues for terms of ``source`` whose approved forms ``target`` lacks, or forbidden forms."""
    if not target or target.isspace():
        return []  # untranslated: nothing to compare
    occurrences = term_occurrences(glossary, source)
    matchers = _locale_matchers(glossary, locale)
    text = _target_text(target, matchers.morphology)
    if _plainly_right(matchers, occurrences, text):
        return []
    expected = Counter(occurrence[3] for occurrence in occurrences)
    suspects = matchers.forbidden_suspects(text)
    if not expected and not suspects:
        return []
    checked = [term for term in expected if approved_forms(term, locale)]
    approved = _longest_first([span for term in checked for span in _approved_spans(term, matchers, text)])
    forbidden = _forbidden_spans(matchers, suspects, text, approved)
    found = Counter(span.term for span in approved)
    issues = [_forbidden_issue(span, text, locale) for span in _first_per_term(forbidden)]
    flagged = {span.term for span in forbidden}
    for term in checked:
        if term not in flagged and found[term] < expected[term]:
            taken = approved + forbidden
            issues.append(_missing_issue(term, expected[term], found[term], text, taken, locale))
    return issues


def _plainly_right(matchers: _LocaleMatchers, occurrences: tuple[Occurrence, ...], text: _Target) -> bool:
    """Whether ``text`` has no issue, by a quick test that rather says no when unsure.

    Yes when no forbidden form can occur, each term found in the source has approved forms in
    ``text`` at least as often, and no two of those overlap: the full check would keep them all.
    """
    for scan in matchers.head_scans:
        if not scan.words_clean(text, matchers):
            return False
    expected: dict[int, int] = {}  # by the term's index: hashing a Term is slower
    for occurrence in occurrences:
        index = occurrence[5]
        expected[index] = expected.get(index, 0) + 1
    spans: list[tuple[int, int]] = []
    for index, count in expected.items():
        patterns = matchers.patterns_at(index)
        if patterns.approved is None:
            continue
        found = patterns.approved.spans(text.folded if patterns.folded else text.text)
        if len(found) < count:
            return False
        spans += found
    if len(spans) > 1:
        spans.sort()
        reach = -1
        for start, end in spans:
            if start < reach:
                return False  # overlapping forms: the full check decides which one counts
            reach = max(reach, end)
    return True


@dataclass(frozen=True)
class _HeadScan:
    """Finds the terms whose forbidden forms may occur: every inflection starts with its form's head."""

    folded: bool  # scans the folded text (case-insensitive terms)
    finder: re.Pattern[str]
    lengths: tuple[int, ...]  # of the heads, longest first
    terms: dict[str, tuple[int, ...]]  # head -> indexes of terms in the glossary
    clean_words: set[str] = field(default_factory=set)  # words in which no forbidden form begins

    def suspects(self, text: _Target) -> set[int]:
        haystack = text.folded if self.folded else text.text
        return {index for _, indexes in self._heads(haystack) for index in indexes}

    def _heads(self, haystack: str) -> list[tuple[int, tuple[int, ...]]]:
        """(position, terms) of every head in ``haystack``."""
        found = []
        for head in self.finder.finditer(haystack):
            start = head.start()
            for length in self.lengths:
                indexes = self.terms.get(haystack[start : start + length])
                if indexes:
                    found.append((start, indexes))
        return found

    def words_clean(self, text: _Target, matchers: _LocaleMatchers) -> bool:
        """Whether no forbidden form occurs in ``text``, by its words (each is tested once).

        A word is clean if no forbidden form of one word matches in it and no head of a longer
        form stands in it. Words are separated by white space, which no head holds and no word
        character is, so a word's heads and one-word forms are found alike in it and in the text.
        """
        words = (text.folded if self.folded else text.text).split()
        clean = self.clean_words
        if clean.issuperset(words):
            return True
        for word in words:
            if word not in clean:
                if not self._word_clean(word, matchers):
                    return False
                if len(clean) < CLEAN_WORDS_LIMIT:
                    clean.add(word)
        return True

    def _word_clean(self, word: str, matchers: _LocaleMatchers) -> bool:
        for start, indexes in self._heads(word):
            for index in indexes:
                patterns = matchers.patterns_at(index)
                if not patterns.forbidden_in_one_word or patterns.forbidden.match(word, start) is not None:  # type: ignore[union-attr]
                    return False
        return True


@dataclass
class _LocaleMatchers:
    """One locale's term patterns, compiled when a term is first met, and scans for forbidden forms."""

    glossary: Glossary
    locale: str
    morphology: Morphology
    head_scans: tuple[_HeadScan, ...]
    compiled: dict[int, _TermPatterns] = field(default_factory=dict)
    index: dict[Term, int] = field(default_factory=dict)
    rests: dict[str, re.Pattern[str]] = field(default_factory=dict)  # the compiled rests of forms

    def forbidden_suspects(self, text: _Target) -> list[int]:
        """Indexes of the terms whose forbidden forms may occur in ``text``, in glossary order."""
        return sorted(index for scan in self.head_scans for index in scan.suspects(text))

    def patterns(self, term: Term) -> _TermPatterns:
        if not self.index:
            self.index.update((each, position) for position, each in enumerate(self.glossary.terms))
        return self.patterns_at(self.index[term])

    def patterns_at(self, index: int) -> _TermPatterns:
        patterns = self.compiled.get(index)
        if patterns is None:
            patterns = self.compiled[index] = _compile_term(self, self.glossary.terms[index])
        return patterns

    def forms_matcher(self, forms: list[str], derive: bool = False) -> _FormsMatcher | None:
        """A matcher of ``forms`` (folded if matched against the folded text), or None if none."""
        if not forms:
            return None
        alternatives = [
            (start, self._rest(rest))
            for form in sorted(forms, key=len, reverse=True)
            for start, rest in form_alternatives(form, self.morphology, derive=derive)
        ]
        return _FormsMatcher(alternatives, self.morphology.word_boundary)

    def _rest(self, rest: str) -> re.Pattern[str]:
        compiled = self.rests.get(rest)
        if compiled is None:
            ending = NOT_BEFORE_WORD if self.morphology.word_boundary else ""
            compiled = self.rests[rest] = re.compile(rest + ending)
        return compiled


def _target_text(target: str, morphology: Morphology) -> _Target:
    normalized = unicodedata.normalize("NFC", target)
    return _Target(normalized, fold(normalized, morphology))


def _forbidden_spans(
    matchers: _LocaleMatchers, suspects: list[int], text: _Target, approved: list[_Span]
) -> list[_Span]:
    """Forbidden forms of any term, except inside an approved form found for the source."""
    spans = [
        span
        for index in suspects
        for span in _spans(matchers.glossary.terms[index], matchers.patterns_at(index).forbidden, text)
        if not any(_overlap(span, taken) for taken in approved)
    ]
    return _longest_first(spans)


def _locale_matchers(glossary: Glossary, locale: str) -> _LocaleMatchers:
    key = f"target:{locale}"
    cached = glossary._matchers.get(key)
    if cached is None:
        cached = glossary._matchers[key] = _compile_locale(glossary, locale)
    return cached


def _compile_locale(glossary: Glossary, locale: str) -> _LocaleMatchers:
    morphology = morphology_for(locale)
    scans = (_head_scan(glossary, locale, morphology, folded) for folded in (True, False))
    return _LocaleMatchers(glossary, locale, morphology, tuple(scan for scan in scans if scan))


def _head_scan(glossary: Glossary, locale: str, morphology: Morphology, folded: bool) -> _HeadScan | None:
    terms: dict[str, set[int]] = {}
    for index, term in enumerate(glossary.terms):
        if term.case_sensitive != folded:
            for form in forbidden_forms(term, locale):
                terms.setdefault(_form_head(fold(form, morphology) if folded else form, morphology), set()).add(index)
    if not terms:
        return None
    if morphology.word_boundary:
        # No head match can start inside another: its start would follow a letter.
        finder = NOT_AFTER_WORD + literal_trie_regex(word_prefix(head) for head in terms)
    else:
        finder = f"(?=(?:{literal_trie_regex(terms)}))"
    lengths = tuple(sorted({len(head) for head in terms}, reverse=True))
    by_head = {head: tuple(sorted(indexes)) for head, indexes in terms.items()}
    return _HeadScan(folded, re.compile(finder), lengths, by_head)


def _form_head(form: str, morphology: Morphology) -> str:
    """The start every inflection of ``form`` keeps."""
    return os.path.commonprefix([start for start, _ in form_alternatives(form, morphology)])


def _compile_term(matchers: _LocaleMatchers, term: Term) -> _TermPatterns:
    folded = not term.case_sensitive

    def prepared(forms: tuple[str, ...]) -> list[str]:
        return [fold(form, matchers.morphology) if folded else form for form in forms]

    forbidden = prepared(forbidden_forms(term, matchers.locale))
    return _TermPatterns(
        approved=matchers.forms_matcher(prepared(approved_forms(term, matchers.locale)), derive=True),
        forbidden=matchers.forms_matcher(forbidden),
        folded=folded,
        forbidden_in_one_word=all(len(form.split()) == 1 for form in forbidden),
    )


def _spans(term: Term, matcher: _FormsMatcher | None, text: _Target) -> list[_Span]:
    if matcher is None:
        return []
    haystack = text.text if term.case_sensitive else text.folded
    return [_Span(term, start, end) for start, end in matcher.spans(haystack)]


def _approved_spans(term: Term, matchers: _LocaleMatchers, text: _Target) -> list[_Span]:
    return _spans(term, matchers.patterns(term).approved, text)


def _longest_first(spans: list[_Span]) -> list[_Span]:
    """Keep the longest of overlapping spans, so a long term's words do not count twice."""
    kept: list[_Span] = []
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        if not any(_overlap(span, other) for other in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def _overlap(one: _Span, other: _Span) -> bool:
    return one.start < other.end and other.start < one.end


def _first_per_term(spans: list[_Span]) -> list[_Span]:
    seen: dict[Term, _Span] = {}
    for span in spans:
        seen.setdefault(span.term, span)
    return list(seen.values())


def _quoted(forms: tuple[str, ...]) -> str:
    return " or ".join(f'"{form}"' for form in forms)


def _times(count: int) -> str:
    return "1 time" if count == 1 else f"{count} times"


def _forbidden_issue(span: _Span, text: _Target, locale: str) -> Issue:
    forms = approved_forms(span.term, locale)
    found = text.text[span.start : span.end]
    wanted = f"should be {_quoted(forms)}" if forms else "must not be written"
    return Issue(
        f'"{span.term.source}" {wanted} here (found "{found}", a forbidden form)',
        details={"term": span.term.source, "approved": list(forms), "found": found, "forbidden": True},
    )


def _missing_issue(
    term: Term, expected: int, found: int, text: _Target, taken: list[_Span], locale: str
) -> Issue:
    forms = approved_forms(term, locale)
    near = _near_miss(forms, text, taken)
    if found == 0:
        seen = f'found "{near}"' if near else "not found in the translation"
        message = f'"{term.source}" should be {_quoted(forms)} here ({seen})'
    else:
        message = (
            f'"{term.source}" appears {_times(expected)} in the source but an approved form '
            f"({_quoted(forms)}) {_times(found)} here"
        )
        if near:
            message += f' (found "{near}")'
    details = {
        "term": term.source,
        "approved": list(forms),
        "found": near,
        "forbidden": False,
        "expected_count": expected,
        "found_count": found,
    }
    return Issue(message, details=details)


_WORD = re.compile(r"\w+(?:[-'’ʼ`]\w+)*")
NEAR_MISS_RATIO = 0.8


def _near_miss(forms: tuple[str, ...], text: _Target, taken: list[_Span]) -> str | None:
    """The words of ``text`` that look most like one of ``forms`` (same stem, other letters)."""
    words = [m for m in _WORD.finditer(text.text) if not _inside(m.start(), m.end(), taken)]
    best: tuple[float, str] | None = None
    for form in forms:
        wanted = skeleton(form)
        width = len(form.split())
        for index in range(len(words) - width + 1):
            window = words[index : index + width]
            candidate = text.text[window[0].start() : window[-1].end()]
            score = _resemblance(wanted, skeleton(candidate))
            if score >= NEAR_MISS_RATIO and (best is None or score > best[0]):
                best = (score, candidate)
    return best[1] if best else None


def _inside(start: int, end: int, spans: list[_Span]) -> bool:
    return any(start < span.end and span.start < end for span in spans)


def _resemblance(wanted: str, candidate: str) -> float:
    """How alike ``candidate`` begins to ``wanted`` (0..1); inflections at its end are ignored."""
    if not wanted or not candidate or wanted[0] != candidate[0]:
        return 0.0
    head = candidate[: len(wanted) + 1]
    return max(
        SequenceMatcher(None, wanted, head[:size]).ratio()
        for size in (len(wanted) - 1, len(wanted), len(wanted) + 1)
    )
