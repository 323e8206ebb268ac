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
from itertools import chain, filterfalse

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


WORDS_LIMIT = 200_000  # words remembered per locale, by what they hold
REMEMBERED_WORDS = 2_000  # per term and kind of form: the matches at the start of the words met
_NOT_SEEN = object()
_WORD_CHAR = re.compile(f"[{WORD_CHAR}]")


class _FormsMatcher:
    """Some forms of a term, found where the regex of :func:`form_pattern` would find them.

    Each alternative of each form is tried where its literal start stands, and only its rest is a
    regex: the rests are alike for most forms, so hundreds of terms compile a handful of regexes.
    """

    def __init__(self, alternatives: list[tuple[str, re.Pattern[str]]], word_boundary: bool, one_word: bool) -> None:
        self.alternatives = [(start, len(start), rest.match) for start, rest in alternatives]  # in the order tried
        self.word_boundary = word_boundary
        self.heads = _heads([start for start, _ in alternatives])  # every match begins with one
        self.one_word = one_word  # every form is one word, so a match ends in the word it begins in
        self.lengths: dict[str, int | None] = {}  # of the match at the start of a word's end, by that end

    def match(self, haystack: str, start: int) -> int | None:
        """The end of the form that begins at ``start`` in ``haystack``, or None."""
        if self.word_boundary and start:
            before = haystack[start - 1]
            if not before.isspace() and _WORD_CHAR.match(before):  # a space is the usual case, and quick to test
                return None
        if not self.one_word:
            return self._match_at(haystack, start)
        # Only the rest of the word counts, and words recur: each is matched once. A match stops at
        # white space or at the end of the text alike, so any white space may end the word.
        space = haystack.find(" ", start)
        rest_of_word = haystack[start:space] if space >= 0 else haystack[start:]
        length = self.lengths.get(rest_of_word, _NOT_SEEN)
        if length is _NOT_SEEN:
            length = self._match_at(rest_of_word, 0)
            if len(self.lengths) < REMEMBERED_WORDS:
                self.lengths[rest_of_word] = length
        return None if length is None else start + length  # type: ignore[operator]

    def _match_at(self, haystack: str, start: int) -> int | None:
        for literal, length, match_rest in self.alternatives:
            if haystack.startswith(literal, start):
                matched = match_rest(haystack, start + length)
                if matched:
                    return matched.end()
        return None

    def spans(self, haystack: str) -> list[tuple[int, int]]:
        """(start, end) of every form in ``haystack``, as ``finditer`` would find them."""
        if len(self.heads) > 1:
            return self._spans_after_heads(haystack)
        head = self.heads[0]
        find = haystack.find
        position = find(head)
        if position < 0:
            return []
        spans = []
        match = self.match
        while position >= 0:
            end = match(haystack, position)
            if end is None:
                position = find(head, position + 1)
            else:
                spans.append((position, end))
                position = find(head, end)
        return spans

    def _spans_after_heads(self, haystack: str) -> list[tuple[int, int]]:
        """:meth:`spans`, for forms that share no start: tried where any of their heads stands."""

        def next_head(start: int) -> int:
            found = [position for position in (haystack.find(head, start) for head in self.heads) if position >= 0]
            return min(found, default=-1)

        spans = []
        position = next_head(0)
        while position >= 0:
            end = self.match(haystack, position)
            if end is None:
                position = next_head(position + 1)
            else:
                spans.append((position, end))
                position = next_head(end)
        return spans


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
    by_word: bool  # approved forms counted by :class:`_Words` (if any)


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
    matchers = glossary._matchers.get(("target", locale)) or _locale_matchers(glossary, locale)
    normalized = unicodedata.normalize("NFC", target)
    text = _Target(normalized, fold(normalized, matchers.morphology))
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
    for scan in matchers.text_scans:
        if not scan.words_clean(text, matchers):
            return False
    counts = matchers.words.count(text.folded)
    if counts is None:
        return False
    expected: dict[int, int] = {}  # by the term's index: hashing a Term is slower
    for occurrence in occurrences:
        index = occurrence[5]
        expected[index] = expected.get(index, 0) + 1
    compiled = matchers.compiled
    if all(compiled[index].by_word for index in expected):
        return all(
            counts.get(index, 0) >= count for index, count in expected.items() if compiled[index].approved is not None
        )
    spans: list[tuple[int, int]] = []
    for index, count in expected.items():
        patterns = compiled[index]
        if patterns.approved is None:
            continue
        found = patterns.approved.spans(text.folded if patterns.folded else text.text)
        if len(found) < count:
            return False
        spans += found
    return not _overlapping(spans)


def _overlapping(spans: list[tuple[int, int]]) -> bool:
    """Whether any two of ``spans`` overlap (sorts them)."""
    if len(spans) < 2:
        return False
    # Sorted by start, the spans overlap unless their bounds, one after another, never go back.
    spans.sort()
    bounds = list(chain.from_iterable(spans))
    return bounds != sorted(bounds)


@dataclass(frozen=True)
class _HeadScan:
    """Finds the terms some of whose forms may occur: every match starts with a head of its forms."""

    folded: bool  # scans the folded text (case-insensitive terms)
    finder: re.Pattern[str]
    lengths: tuple[int, ...]  # of the heads, longest first
    terms: dict[str, tuple[int, ...]]  # head -> indexes of terms in the glossary
    clean_words: set[str] = field(default_factory=set)  # words in which no forbidden form begins

    def suspects(self, text: _Target) -> set[int]:
        haystack = text.folded if self.folded else text.text
        return {index for _, indexes in self.heads(haystack) for index in indexes}

    def heads(self, haystack: str) -> list[tuple[int, tuple[int, ...]]]:
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
        """Whether no forbidden form (of these terms) occurs in ``text``, by its words, each tested once.

        See :class:`_Words`: a word is clean if no forbidden form of one word matches in it and no
        head of a longer form stands in it.
        """
        words = (text.folded if self.folded else text.text).split()
        clean = self.clean_words
        if clean.issuperset(words):
            return True
        for word in words:
            if word not in clean:
                if not self.word_clean(word, matchers):
                    return False
                if len(clean) < WORDS_LIMIT:
                    clean.add(word)
        return True

    def word_clean(self, word: str, matchers: _LocaleMatchers) -> bool:
        for start, indexes in self.heads(word):
            for index in indexes:
                forbidden = matchers.compiled[index].forbidden
                if not forbidden.one_word or forbidden.match(word, start) is not None:  # type: ignore[union-attr]
                    return False
        return True


class _Words:
    """What each word of the folded translations holds, learnt the first time the word is met.

    Words are separated by white space, which no head holds, no form of one word matches, and no
    word character is: a word's heads and one-word forms are found alike in it and in a text.
    Most words hold nothing; the others hold approved forms of terms whose forms are all one
    word (and which ignore case), or may hold a forbidden form, or forms that overlap.
    """

    def __init__(self, matchers: _LocaleMatchers, forbidden: _HeadScan | None, approved: _HeadScan | None) -> None:
        self.matchers = matchers
        self.forbidden = forbidden  # of the terms that ignore case
        self.approved = approved  # of the terms matched by word
        self.empty: set[str] = set()  # words that hold nothing
        # The other words: the indexes of the terms whose approved forms they hold, once per form;
        # None for the words that may hold a forbidden form, or approved forms that overlap.
        self.holding: dict[str, tuple[int, ...] | None] = {}

    def count(self, folded: str) -> dict[int, int] | None:
        """How often ``folded`` holds an approved form of each term matched by word.

        None if it may hold a forbidden form (of a term that ignores case), or approved forms that
        overlap.
        """
        counts: dict[int, int] = {}
        holding = self.holding
        for word in filterfalse(self.empty.__contains__, folded.split()):
            terms = holding[word] if word in holding else self._learn(word)
            if terms is None:
                return None
            for index in terms:
                counts[index] = counts.get(index, 0) + 1
        return counts

    def _learn(self, word: str) -> tuple[int, ...] | None:
        terms: tuple[int, ...] | None = ()
        if self.forbidden is not None and not self.forbidden.word_clean(word, self.matchers):
            terms = None
        elif self.approved is not None:
            candidates = {index for _, indexes in self.approved.heads(word) for index in indexes}
            spans = [
                (start, end, index)
                for index in candidates
                for start, end in self.matchers.compiled[index].approved.spans(word)  # type: ignore[union-attr]
            ]
            bounds = [(start, end) for start, end, _ in spans]
            terms = None if _overlapping(bounds) else tuple(index for _, _, index in spans)
        if terms == ():
            if len(self.empty) < WORDS_LIMIT:
                self.empty.add(word)
        elif len(self.holding) < WORDS_LIMIT:
            self.holding[word] = terms
        return terms


@dataclass
class _LocaleMatchers:
    """One locale's term patterns, and scans for the terms' forms by their heads."""

    glossary: Glossary
    locale: str
    morphology: Morphology
    compiled: dict[int, _TermPatterns] = field(default_factory=dict)  # by the term's index
    index: dict[Term, int] = field(default_factory=dict)
    rests: dict[str, re.Pattern[str]] = field(default_factory=dict)  # the compiled rests of forms
    head_scans: tuple[_HeadScan, ...] = ()  # for the forbidden forms, of terms that ignore case or not
    text_scans: tuple[_HeadScan, ...] = ()  # those of ``head_scans`` not covered by ``words``
    words: _Words = field(init=False)

    def forbidden_suspects(self, text: _Target) -> list[int]:
        """Indexes of the terms whose forbidden forms may occur in ``text``, in glossary order."""
        return sorted(index for scan in self.head_scans for index in scan.suspects(text))

    def patterns(self, term: Term) -> _TermPatterns:
        if not self.index:
            self.index.update((each, position) for position, each in enumerate(self.glossary.terms))
        return self.compiled[self.index[term]]

    def forms_matcher(self, forms: list[str], derive: bool = False) -> _FormsMatcher | None:
        """A matcher of ``forms`` (folded if matched against the folded text), or None if none."""
        if not forms:
            return None
        alternatives = [
            (start, self._rest(rest))
            for form in sorted(forms, key=len, reverse=True)
            for start, rest in form_alternatives(form, self.morphology, derive=derive)
        ]
        one_word = all(len(form.split()) == 1 for form in forms)
        return _FormsMatcher(alternatives, self.morphology.word_boundary, one_word)

    def _rest(self, rest: str) -> re.Pattern[str]:
        compiled = self.rests.get(rest)
        if compiled is None:
            ending = NOT_BEFORE_WORD if self.morphology.word_boundary else ""
            compiled = self.rests[rest] = re.compile(rest + ending)
        return compiled


def _forbidden_spans(
    matchers: _LocaleMatchers, suspects: list[int], text: _Target, approved: list[_Span]
) -> list[_Span]:
    """Forbidden forms of any term, except inside an approved form found for the source."""
    spans = [
        span
        for index in suspects
        for span in _spans(matchers.glossary.terms[index], matchers.compiled[index].forbidden, text)
        if not any(_overlap(span, taken) for taken in approved)
    ]
    return _longest_first(spans)


def _locale_matchers(glossary: Glossary, locale: str) -> _LocaleMatchers:
    key = ("target", locale)
    cached = glossary._matchers.get(key)
    if cached is None:
        cached = glossary._matchers[key] = _compile_locale(glossary, locale)
    return cached


def _compile_locale(glossary: Glossary, locale: str) -> _LocaleMatchers:
    matchers = _LocaleMatchers(glossary, locale, morphology_for(locale))
    compiled = matchers.compiled
    compiled.update((index, _compile_term(matchers, term)) for index, term in enumerate(glossary.terms))
    forbidden = {
        folded: _head_scan(
            {index: patterns.forbidden.heads for index, patterns in compiled.items() if patterns.forbidden and patterns.folded == folded},
            matchers.morphology,
            folded,
        )
        for folded in (True, False)
    }
    approved = {
        index: patterns.approved.heads for index, patterns in compiled.items() if patterns.by_word and patterns.approved
    }
    matchers.head_scans = tuple(scan for scan in forbidden.values() if scan)
    matchers.text_scans = tuple(scan for scan in (forbidden[False],) if scan)
    matchers.words = _Words(matchers, forbidden[True], _head_scan(approved, matchers.morphology, folded=True))
    return matchers


def _head_scan(heads_by_term: dict[int, tuple[str, ...]], morphology: Morphology, folded: bool) -> _HeadScan | None:
    terms: dict[str, set[int]] = {}
    for index, heads in heads_by_term.items():
        for head in heads:
            terms.setdefault(head, set()).add(index)
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


def _compile_term(matchers: _LocaleMatchers, term: Term) -> _TermPatterns:
    folded = not term.case_sensitive

    def prepared(forms: tuple[str, ...]) -> list[str]:
        return [fold(form, matchers.morphology) if folded else form for form in forms]

    approved = matchers.forms_matcher(prepared(approved_forms(term, matchers.locale)), derive=True)
    return _TermPatterns(
        approved=approved,
        forbidden=matchers.forms_matcher(prepared(forbidden_forms(term, matchers.locale))),
        folded=folded,
        by_word=approved is None or (folded and approved.one_word),
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
