"""The glossary of names and places: model, loading, and matching terms in sources and translations.

A source sentence is searched for every term (its canonical form or a variant) at word
boundaries, longest first. Its translation must then hold an approved form of each term as
many times as the source holds the term; the forms may be inflected as the target language
inflects them (see :mod:`l10n_pipeline.morphology`). A forbidden form is always an error.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Iterable

from .errors import GlossaryError
from .glossary_schema import read_glossary_document
from .models import Issue
from .morphology import (
    NOT_AFTER_WORD,
    NOT_BEFORE_WORD,
    SPACE,
    WORD_CHAR,
    Morphology,
    fold,
    form_pattern,
    morphology_for,
    skeleton,
)

__all__ = [
    "Glossary",
    "GlossaryError",
    "Term",
    "TermMatch",
    "approved_forms",
    "check_translation",
    "find_terms",
    "glossary_hint",
    "load_glossary",
    "lookup_term",
    "parse_glossary",
]


@dataclass(frozen=True)
class Term:
    """One name or place, with its approved and forbidden forms per locale."""

    source: str
    variants: tuple[str, ...] = ()
    translations: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    forbidden: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    note: str | None = None
    do_not_translate: bool = False
    case_sensitive: bool = False
    line: int = 0

    def __post_init__(self) -> None:
        # Terms key many dicts while checking; hashing eight fields each time is measurable.
        object.__setattr__(self, "_hash", hash((self.source, self.variants, self.note, self.line)))

    def __hash__(self) -> int:
        return self._hash  # type: ignore[attr-defined, no-any-return]

    @property
    def names(self) -> tuple[str, ...]:
        """Every source spelling: the canonical form first, then the variants."""
        return (self.source, *self.variants)


@dataclass(frozen=True)
class Glossary:
    """All terms of a project, in file order."""

    terms: tuple[Term, ...]
    path: str | None = None
    _matchers: dict[str, Any] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    @property
    def locales(self) -> tuple[str, ...]:
        """Every locale named by some term, sorted."""
        found = {loc for term in self.terms for loc in (*term.translations, *term.forbidden)}
        return tuple(sorted(found))


@dataclass(frozen=True)
class TermMatch:
    """A term found in a source text."""

    term: Term
    start: int
    end: int
    text: str
    is_variant: bool


# ---------------------------------------------------------------- loading


def load_glossary(path: str | Path) -> Glossary:
    """Read and validate the glossary file at ``path``."""
    shown = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise GlossaryError(
            "glossary file not found", path=shown, hint="create it or pass --glossary PATH"
        ) from None
    except OSError as err:
        raise GlossaryError(f"cannot read the glossary: {err.strerror}", path=shown) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise GlossaryError(
            f"not UTF-8 text ({err.reason})", path=shown, line=line, hint="save the file as UTF-8"
        ) from None
    return parse_glossary(text, shown)


def parse_glossary(text: str, path: str = "<glossary>") -> Glossary:
    """Validate glossary YAML ``text``; errors name ``path`` and the line."""
    raw_terms = read_glossary_document(text, path)
    terms = tuple(Term(**fields) for fields in raw_terms)
    _reject_duplicates(terms, path)
    return Glossary(terms=terms, path=path)


def _reject_duplicates(terms: tuple[Term, ...], path: str) -> None:
    first_line: dict[str, int] = {}
    for term in terms:
        for name in term.names:
            key = " ".join(name.casefold().split())
            if key in first_line:
                raise GlossaryError(
                    f'duplicate term "{name}" (already on line {first_line[key]})',
                    path=path,
                    line=term.line,
                    hint="merge the two entries or make one a variant of the other",
                )
            first_line[key] = term.line


def lookup_term(glossary: Glossary, query: str) -> Term | None:
    """The term whose source spelling or any approved form equals ``query`` (ignoring case)."""
    wanted = " ".join(query.casefold().split())
    for term in glossary.terms:
        spellings = (*term.names, *(f for forms in term.translations.values() for f in forms))
        if any(" ".join(s.casefold().split()) == wanted for s in spellings):
            return term
    return None


def approved_forms(term: Term, locale: str) -> tuple[str, ...]:
    """The forms a translation into ``locale`` may use; the source form too if not translated."""
    forms = term.translations.get(locale) or term.translations.get(_language(locale), ())
    if term.do_not_translate and term.source not in forms:
        return (term.source, *forms)
    return forms


def forbidden_forms(term: Term, locale: str) -> tuple[str, ...]:
    """The forms that must never appear in ``locale``."""
    return term.forbidden.get(locale) or term.forbidden.get(_language(locale), ())


def _language(locale: str) -> str:
    return locale.replace("-", "_").split("_")[0]


# ---------------------------------------------------------------- source side


Spelling = tuple[Term, bool]  # the term, and whether the spelling is a variant


PREFIX_LENGTH = 3  # letters of a spelling that pick the few spellings worth trying at a position


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
        by_prefix.setdefault(_word_prefix(name.split()[0]), []).append(index)
    finder = re.compile(NOT_AFTER_WORD + _literal_trie(by_prefix), flags)
    prefixes = {prefix: re.compile(re.escape(prefix), flags) for prefix in by_prefix}
    groups = {prefix: tuple(indexes) for prefix, indexes in by_prefix.items()}
    return _SpellingScan(tuple(names), flags, finder, prefixes, groups)


def _word_prefix(word: str) -> str:
    """The first letters of ``word``, stopping before a non-word character (no match starts inside)."""
    prefix = word[:1]
    if not _WORD_CHAR.match(prefix):
        return prefix  # a spelling may start right after it
    for char in word[1:PREFIX_LENGTH]:
        if not _WORD_CHAR.match(char):
            break
        prefix += char
    return prefix


def _literal_trie(strings: Iterable[str]) -> str:
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


_WORD_CHAR = re.compile(f"[{WORD_CHAR}]")


# ---------------------------------------------------------------- target side


@dataclass(frozen=True)
class _TermPatterns:
    approved: re.Pattern[str] | None
    forbidden: re.Pattern[str] | None
    folded: bool  # matched against the folded text (case-insensitive terms)


@dataclass(frozen=True)
class _Span:
    term: Term
    start: int
    end: int


@dataclass(frozen=True)
class _Target:
    text: str  # NFC
    folded: str  # same length as ``text``


def check_translation(glossary: Glossary, source: str, target: str, locale: str) -> list[Issue]:
    """Issues for terms of ``source`` whose approved forms ``target`` lacks, or forbidden forms."""
    if not target.strip():
        return []  # untranslated: nothing to compare
    expected = Counter(match.term for match in find_terms(glossary, source))
    matchers = _locale_matchers(glossary, locale)
    text = _target_text(target, matchers.morphology)
    suspects = matchers.forbidden_suspects(text)
    if not expected and not suspects:
        return []
    checked = [term for term in expected if approved_forms(term, locale)]
    approved = _longest_first(
        [span for term in checked for span in _spans(term, matchers.patterns(term).approved, text)]
    )
    forbidden = _forbidden_spans(matchers, suspects, text, approved)
    found = Counter(span.term for span in approved)
    issues = [_forbidden_issue(span, text, locale) for span in _first_per_term(forbidden)]
    flagged = {span.term for span in forbidden}
    for term in checked:
        if term not in flagged and found[term] < expected[term]:
            taken = approved + forbidden
            issues.append(_missing_issue(term, expected[term], found[term], text, taken, locale))
    return issues


@dataclass(frozen=True)
class _HeadScan:
    """Finds the terms whose forbidden forms may occur: every inflection starts with its form's head."""

    folded: bool  # scans the folded text (case-insensitive terms)
    finder: re.Pattern[str]
    lengths: tuple[int, ...]  # of the heads, longest first
    terms: dict[str, tuple[int, ...]]  # head -> indexes of terms in the glossary

    def suspects(self, text: _Target) -> set[int]:
        haystack = text.folded if self.folded else text.text
        found: set[int] = set()
        for head in self.finder.finditer(haystack):
            start = head.start()
            for length in self.lengths:
                found.update(self.terms.get(haystack[start : start + length], ()))
        return found


@dataclass
class _LocaleMatchers:
    """One locale's term patterns, compiled when a term is first met, and scans for forbidden forms."""

    glossary: Glossary
    locale: str
    morphology: Morphology
    head_scans: tuple[_HeadScan, ...]
    compiled: dict[int, _TermPatterns] = field(default_factory=dict)
    index: dict[Term, int] = field(default_factory=dict)

    def forbidden_suspects(self, text: _Target) -> list[int]:
        """Indexes of the terms whose forbidden forms may occur in ``text``, in glossary order."""
        return sorted(index for scan in self.head_scans for index in scan.suspects(text))

    def patterns(self, term: Term) -> _TermPatterns:
        if not self.index:
            self.index.update((each, position) for position, each in enumerate(self.glossary.terms))
        return self.patterns_at(self.index[term])

    def patterns_at(self, index: int) -> _TermPatterns:
        if index not in self.compiled:
            self.compiled[index] = _compile_term(self.glossary.terms[index], self.locale, self.morphology)
        return self.compiled[index]


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
                terms.setdefault(_form_head(fold(form, morphology) if folded else form), set()).add(index)
    if not terms:
        return None
    if morphology.word_boundary:
        # No head match can start inside another: its start would follow a letter.
        finder = NOT_AFTER_WORD + _literal_trie(_word_prefix(head) for head in terms)
    else:
        finder = f"(?=(?:{_literal_trie(terms)}))"
    lengths = tuple(sorted({len(head) for head in terms}, reverse=True))
    by_head = {head: tuple(sorted(indexes)) for head, indexes in terms.items()}
    return _HeadScan(folded, re.compile(finder), lengths, by_head)


def _form_head(form: str) -> str:
    """The start every inflection of ``form`` keeps: its first word less two final letters."""
    first_word = form.split()[0]
    return first_word[: max(len(first_word) - 2, 1)]


def _compile_term(term: Term, locale: str, morphology: Morphology) -> _TermPatterns:
    folded = not term.case_sensitive
    return _TermPatterns(
        approved=_forms_regex(approved_forms(term, locale), morphology, folded, derive=True),
        forbidden=_forms_regex(forbidden_forms(term, locale), morphology, folded),
        folded=folded,
    )


def _forms_regex(
    forms: tuple[str, ...], morphology: Morphology, folded: bool, derive: bool = False
) -> re.Pattern[str] | None:
    if not forms:
        return None
    prepared = sorted((fold(f, morphology) if folded else f for f in forms), key=len, reverse=True)
    return re.compile("|".join(f"(?:{form_pattern(f, morphology, derive=derive)})" for f in prepared))


def _spans(term: Term, pattern: re.Pattern[str] | None, text: _Target) -> list[_Span]:
    if pattern is None:
        return []
    haystack = text.text if term.case_sensitive else text.folded
    return [_Span(term, m.start(), m.end()) for m in pattern.finditer(haystack)]


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


# ---------------------------------------------------------------- hints


def glossary_hint(glossary: Glossary, source: str, locale: str) -> str | None:
    """A line for translators naming the approved forms of the terms in ``source``."""
    parts: list[str] = []
    seen: set[Term] = set()
    for match in find_terms(glossary, source):
        forms = approved_forms(match.term, locale)
        if match.term in seen or not forms:
            continue
        seen.add(match.term)
        parts.append(f"{match.term.source} → {' / '.join(forms)}")
    return "glossary: " + "; ".join(parts) if parts else None
