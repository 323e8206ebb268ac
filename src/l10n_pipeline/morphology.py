"""How a glossary form may change inside a sentence of each language: matching rules as data.

Every locale belongs to a *family*, and the family decides how an approved form such as
``Xocalı`` or ``Гейдар Алиев`` is turned into a pattern that also accepts its inflected
forms. The text and the forms are first *folded* (lower case with the language's own
rules), so matching is case-insensitive unless a term says ``case_sensitive: true``.

Families:

``agglutinative`` (az, tr)
    Suffixes stick to the end of a word, directly (``Xocalıda``) or after an apostrophe
    (``Hocalı'da``). A suffix is a run of at most ``max_suffix`` letters of the language's
    alphabet; words inside a multi-word form may take a shorter one (``inner_max_suffix``).
    ``final_mutations`` lists the consonants that soften before a suffix (tr ``k`` → ``ğ``).
``fusional-cyrillic`` (ru)
    Every Cyrillic word of a form may take one ending from ``endings`` (a closed table of
    case endings, at most three letters), after optionally losing one of
    ``droppable_finals`` (``Лейла`` → ``Лейлой``, ``Нагорный`` → ``Нагорном``). A final
    letter that is not listed is kept, so ``Ходжали`` never matches ``Ходжалы``.
    Approved forms (never forbidden ones) also match the words the language derives from a
    name (``derivations``): the stem, a link and an ending — the adjective (``Ходжалы`` →
    ``Ходжалинского``, ``Баку`` → ``бакинских``; for a two-word name the compound
    ``Нагорный Карабах`` → ``нагорно-карабахском``), since news Russian writes "the Khojaly
    genocide" as ``Ходжалинский геноцид``, and the name of the people (``ходжалинцы``).
``default``
    The form must appear as whole words, exactly (after folding).
``no-spaces`` (ja, zh, th)
    The form must appear exactly; there are no word boundaries to check.

Adding a locale is a few lines: add an entry to ``LANGUAGES`` that reuses a family, e.g.
``"kk": Morphology("agglutinative", letters="аәбвгғд…", max_suffix=8)``. A locale that is
not listed uses ``default`` (or the entry for its language, so ``az_AZ`` uses ``az``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Mapping

AGGLUTINATIVE = "agglutinative"
FUSIONAL_CYRILLIC = "fusional-cyrillic"
DEFAULT = "default"
NO_SPACES = "no-spaces"

APOSTROPHES = "'’ʼ`´"
# Word characters for boundaries: letters, digits and the combining marks Python's \w leaves out.
WORD_CHAR = r"\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c"
NOT_AFTER_WORD = rf"(?<![{WORD_CHAR}])"
NOT_BEFORE_WORD = rf"(?![{WORD_CHAR}])"
SPACE = r"[\s\u00a0\u202f]+"

TURKIC_CASE = MappingProxyType({"I": "ı", "İ": "i"})
RUSSIAN_CASE = MappingProxyType({"Ё": "е", "ё": "е"})

RUSSIAN_ENDINGS = (
    "а", "я", "у", "ю", "е", "и", "ы", "ой", "ей", "ом", "ем", "ам", "ям", "ах", "ях",
    "ами", "ями", "ов", "ев", "ью", "ый", "ий", "ая", "яя", "ое", "ее", "ого", "его",
    "ому", "ему", "ым", "им", "ую", "юю", "ые", "ие", "ых", "их", "ыми", "ими",
)  # fmt: skip
RUSSIAN_ADJECTIVE_ENDINGS = (
    "ий", "ый", "ой", "ого", "ому", "им", "ом", "ая", "ую", "ое", "ие", "их", "ими",
)  # fmt: skip
RUSSIAN_DEMONYM_ENDINGS = ("ы", "ев", "ам", "ами", "ах", "а", "у", "ем", "е")


@dataclass(frozen=True)
class Derivation:
    """Words built from a name: its stem, one of ``links``, one of ``endings``."""

    links: tuple[str, ...]
    endings: tuple[str, ...]
    compounds: bool = False  # a two-word name derives a hyphenated compound (нагорно-карабахский)


@dataclass(frozen=True)
class Morphology:
    """The matching rules of one language: its family plus the data the family needs."""

    family: str = DEFAULT
    letters: str = ""
    max_suffix: int = 0
    inner_max_suffix: int = 0
    apostrophe: bool = False
    final_mutations: Mapping[str, str] = field(default_factory=dict)
    endings: tuple[str, ...] = ()
    droppable_finals: tuple[str, ...] = ()
    derivations: tuple[Derivation, ...] = ()
    case_map: Mapping[str, str] = field(default_factory=dict)

    @property
    def word_boundary(self) -> bool:
        return self.family != NO_SPACES

    @cached_property
    def fold_pairs(self) -> tuple[tuple[str, str], ...]:
        """The one-letter replacements :func:`fold` makes before lower-casing."""
        pairs = {**dict.fromkeys(APOSTROPHES, "'"), **self.case_map}
        return tuple((char, replacement) for char, replacement in pairs.items() if char != replacement)


LANGUAGES: Mapping[str, Morphology] = MappingProxyType(
    {
        "az": Morphology(
            AGGLUTINATIVE,
            letters="abcçdeəfgğhxıijkqlmnoöprsştuüvyz",
            max_suffix=8,
            inner_max_suffix=3,
            apostrophe=True,
            final_mutations={"k": "y", "q": "ğ"},
            case_map=TURKIC_CASE,
        ),
        "tr": Morphology(
            AGGLUTINATIVE,
            letters="abcçdefgğhıijklmnoöprsştuüvyzâîû",
            max_suffix=8,
            inner_max_suffix=3,
            apostrophe=True,
            final_mutations={"k": "ğ", "p": "b", "t": "d", "ç": "c"},
            case_map=TURKIC_CASE,
        ),
        "ru": Morphology(
            FUSIONAL_CYRILLIC,
            letters="абвгдежзийклмнопрстуфхцчшщъыьэюя",
            endings=RUSSIAN_ENDINGS,
            droppable_finals=("ый", "ий", "ой", "ая", "яя", "ое", "ее", "а", "я", "й", "ь"),
            derivations=(
                Derivation(("ск", "инск", "анск", "енск"), RUSSIAN_ADJECTIVE_ENDINGS, compounds=True),
                Derivation(("инц", "ц"), RUSSIAN_DEMONYM_ENDINGS),
            ),
            case_map=RUSSIAN_CASE,
        ),
        "ur": Morphology(DEFAULT),
        "ja": Morphology(NO_SPACES),
        "zh": Morphology(NO_SPACES),
        "th": Morphology(NO_SPACES),
    }
)


def morphology_for(locale: str) -> Morphology:
    """The rules for ``locale``, falling back to its language, then to ``default``."""
    normalized = locale.replace("-", "_")
    return LANGUAGES.get(normalized) or LANGUAGES.get(normalized.split("_")[0]) or Morphology()


def fold(text: str, morphology: Morphology) -> str:
    """Lower-case ``text`` with the language's rules, keeping its length (offsets stay valid).

    Apostrophes of every kind become ``'``, so ``Hocalı’da`` and ``Hocalı'da`` look alike.
    """
    mapped = text
    for char, replacement in morphology.fold_pairs:
        if char in mapped:  # one-letter replacements, much faster than str.translate on non-ASCII text
            mapped = mapped.replace(char, replacement)
    lowered = mapped.lower()
    if len(lowered) == len(mapped):
        return lowered
    return "".join(_lower_char(char) for char in mapped)


def _lower_char(char: str) -> str:
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


Alternative = tuple[str, str]  # how a form may be written: its literal start, a regex for the rest


def form_pattern(form: str, morphology: Morphology, inflect: bool = True, derive: bool = False) -> str:
    """A regex for ``form`` (already folded if matching is case-insensitive) and its inflections.

    ``derive`` also admits the words the language builds from the form (approved forms only: an
    adjective of a forbidden spelling is not a forbidden spelling).
    """
    body = _alternation(form_alternatives(form, morphology, inflect, derive))
    if not morphology.word_boundary:
        return body
    return NOT_AFTER_WORD + body + NOT_BEFORE_WORD


def form_alternatives(
    form: str, morphology: Morphology, inflect: bool = True, derive: bool = False
) -> list[Alternative]:
    """The alternatives of :func:`form_pattern`, in the order it tries them, without word boundaries.

    Each starts with literal text, so a check can look for that text before it tries the rest,
    and needs to compile only the rests, which most forms share. No rest of a form of one word
    matches white space: such a form ends in the word it begins in.
    """
    words = form.split()
    last = len(words) - 1
    spellings = [
        _word_alternatives(word, morphology, is_last=index == last) if inflect else [(word, "")]
        for index, word in enumerate(words)
    ]
    rest = "".join(SPACE + _alternation(alternatives) for alternatives in spellings[1:])
    found = [(start, tail + rest) for start, tail in spellings[0]]
    if derive and inflect:
        for rule in morphology.derivations:
            found += _derived_alternatives(words, rule, morphology)
    return found


def _alternation(alternatives: list[Alternative]) -> str:
    return "(?:" + "|".join(re.escape(start) + rest for start, rest in alternatives) + ")"


def _stems(word: str, morphology: Morphology) -> list[str]:
    """The word, and the word less each final it may drop before a suffix."""
    stems = [word]
    for final in morphology.droppable_finals + tuple("аеиоуыюя"):
        stem = word[: -len(final)]
        if word.endswith(final) and len(stem) >= 3 and stem not in stems:
            stems.append(stem)
    return stems


def _derived_alternatives(words: list[str], rule: Derivation, morphology: Morphology) -> list[Alternative]:
    """``Ходжалы`` → ``ходжалинск(ий|ого…)``; ``Нагорный Карабах`` → ``нагорно-карабахск(ий|…)``."""
    if len(words) > (2 if rule.compounds else 1):
        return []
    if not all(word and word[-1] in morphology.letters for word in words):
        return []
    links = "|".join(sorted(map(re.escape, rule.links), key=len, reverse=True))
    endings = "|".join(sorted(map(re.escape, rule.endings), key=len, reverse=True))
    ending = f"(?:{links})(?:{endings})"
    last_stems = _stems(words[-1], morphology)
    if len(words) == 1:
        return [(stem, ending) for stem in last_stems]
    last = "|".join(map(re.escape, last_stems))
    return [(stem, f"[ое]-(?:{last}){ending}") for stem in _stems(words[0], morphology)]


def _word_alternatives(word: str, morphology: Morphology, is_last: bool) -> list[Alternative]:
    if morphology.family == AGGLUTINATIVE:
        return _agglutinative_word(word, morphology, is_last)
    if morphology.family == FUSIONAL_CYRILLIC:
        return _fusional_word(word, morphology)
    return [(word, "")]


def _agglutinative_word(word: str, morphology: Morphology, is_last: bool) -> list[Alternative]:
    longest = morphology.max_suffix if is_last else morphology.inner_max_suffix
    letters = f"[{re.escape(morphology.letters)}]"
    plain_suffix = f"{letters}{{1,{longest}}}"
    suffix = plain_suffix
    if morphology.apostrophe:
        suffix = f"[{APOSTROPHES}]?{plain_suffix}"
    alternatives = [(word, f"(?:{suffix})?")]
    softened = morphology.final_mutations.get(word[-1:])
    if softened and len(word) > 1:
        alternatives.append((word[:-1] + softened, plain_suffix))
    return alternatives


def _fusional_word(word: str, morphology: Morphology) -> list[Alternative]:
    if not word or word[-1] not in morphology.letters:
        return [(word, "")]
    endings = "|".join(sorted(map(re.escape, morphology.endings), key=len, reverse=True))
    alternatives = [(word, f"(?:{endings})?")]
    for final in morphology.droppable_finals:
        stem = word[: -len(final)]
        if word.endswith(final) and len(stem) >= 2:
            alternatives.append((stem, f"(?:{endings})"))
    return alternatives


def skeleton(text: str) -> str:
    """``text`` without case or diacritics, for spotting near misses (``Hocali`` ~ ``Hocalı``)."""
    decomposed = unicodedata.normalize("NFD", text.casefold().translate(_LOOKALIKES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_LOOKALIKES = str.maketrans({"ı": "i", "ə": "e", "ё": "е", "ß": "s"})
