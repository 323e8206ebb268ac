"""English sentence boundaries by rule: where each sentence starts and ends, never what it says.

The text is scanned once for the few places where a sentence can end: a stop (``.``, ``!``,
``?``, ``…``) before whitespace, a spaced ellipsis (``. . .``), a line break, and a period glued
to a capitalised word (``world.Today``). Each place is judged from the words on either side of
it, so the work grows linearly with the text.
"""

from __future__ import annotations

import re

STOPS = ".!?…"
CLOSERS = "\"'”’»›)]}*_`"
OPENERS = "\"'“‘«‹„‚*_`[¿¡"
BULLETS = "•⁃‣◦▪"
CURRENCY = "$€£¥₼"
LINE_CONTINUATIONS = ",;:-–—/&+=("

# Titles before a name: never the end of a sentence.
TITLES = frozenset(
    "mr mrs ms mx dr prof st gen brig col lt sgt capt cpl pvt maj adm cmdr rep sen gov pres"
    " rev hon mt messrs mme mlle fr rt amb supt insp det".split()
)
# Abbreviations that stand before a number ("No. 5", "Feb. 26", "p. 55", "5 ft. 2 in."):
# before a number they go on; before anything else they end a sentence like any word.
NUMBER_PREFIXES = frozenset(
    "no nos nr n° № p pp vol vols fig figs art arts ch chap sec para op tel ext est"
    " jan feb mar apr jun jul aug sep sept oct nov dec"
    " ft km kg mi lb lbs oz cm mm sq hr hrs yr yrs".split()
)
# Abbreviations that always lead on to more of the sentence.
NEVER_FINAL = frozenset("e.g eg i.e ie vs v cf viz approx ca esp incl excl resp".split())
# Abbreviations that end a name or an address ("Briggs & Co.", "the U.S."): they end a sentence
# only when a word that typically opens one follows ("the U.S. How…", not "the U.S. Government").
NAME_ENDINGS = frozenset("inc ltd co corp jr sr bros plc llc ave blvd rd dept univ assn".split())
SENTENCE_OPENERS = frozenset(
    """A After Again Also Although An And Another Any As At Before Being But By Despite During
    Each Even Every For From Further Furthermore He Her Here His How However I If In Indeed
    Instead It Its Just Later Let Many Meanwhile More Moreover Most My Neither Never Nevertheless
    Next No Nonetheless Nor Not Now On Once One Only Or Our Perhaps She Since So Some Still Such
    That The Their Then There Therefore These They This Those Though Thus To Today Under Unlike
    Until We What When Whenever Where Whereas Which While Who Why With Within Without Yet You
    Your""".split()
)
# Words a line cannot end on when the next line carries on the same sentence.
FUNCTION_WORDS = frozenset(
    """a an the of in on at to for from by with and or but nor as into onto than that which who
    whose whom this these those its their his her our your my is are was were be been being has
    have had will would can could should may might must not about over under between against
    during after before since until via per if so such both either neither each every all any
    some""".split()
)
# Domain endings that make "News.Az" a name rather than two sentences glued together. Endings
# that are also English words ("in", "by", "me") are left out.
DOMAIN_ENDINGS = frozenset(
    "com org net edu gov mil info biz io az ru tr uk eu de fr pk ua ge kz uz ir cn jp".split()
)

WORD_WINDOW = 64  # longest word read on either side of a boundary; longer ones are no abbreviation
ADDRESS_WINDOW = 128  # how far an e-mail address or URL is looked at around a glued period

_CLOSE = re.escape(CLOSERS)
_CANDIDATE = re.compile(
    rf"""
    (?=[.!?…\n\r\u2028\u2029])  # a cheap first test, so most of the text is skipped quickly
    (?:
    (?P<dots>\.(?:[ \u00a0]\.){{2,}})(?P<dots_close>[{_CLOSE}]*)(?P<dots_gap>\s*)  # . . . spaced ellipsis
  | [.!?…][{_CLOSE}]*(?P<stop_gap>\s+)                                         # a stop, then space
  | (?<=[a-z\d])(?P<glued>\.)(?=[A-Z][a-z])                                  # world.Today
  | (?P<line_gap>[\n\r\u2028\u2029]\s*)                                     # a line break
    )
    """,
    re.VERBOSE,
)
_LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029]")
_TRAILING_STOPS = re.compile(r"[.!?…]+\Z")
_WORD_AHEAD = re.compile(rf"\S{{1,{WORD_WINDOW}}}")
_ALNUM = re.compile(r"[^\W_]")
_LETTERS = re.compile(r"[^\W\d_]+")
_INITIALISM = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_TIME_OF_DAY = frozenset({"a.m", "p.m"})
_MARKER = r"(?P<value>\d{1,3}|[A-Za-z])(?P<style>\.\)|\.|\))"
_LIST_MARKER = re.compile(rf"[{BULLETS}]?\(?{_MARKER}")
_LIST_START = re.compile(rf"\s*(?P<bullet>[{BULLETS}])?\s*(?:{_MARKER}(?=\s))?")
_BULLET_AHEAD = re.compile(rf"(?<!\S)[{BULLETS}]")
_LIST_MARKER_AHEAD = re.compile(rf"(?<!\S){_MARKER}(?=\s)")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence in text; sentences never include leading/trailing
    whitespace; what lies between consecutive spans (and before the first/after the last) is whitespace
    only; every non-whitespace character is in exactly one span."""
    spans: list[tuple[int, int]] = []
    for start, end in _list_items(text):
        spans.extend(_RangeSplitter(text, start, end).spans())
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of text, each exactly as it stands there."""
    return [text[start:end] for start, end in sentence_spans(text)]


def _list_items(text: str) -> list[tuple[int, int]]:
    """The ranges of an inline list ("1) one 2) two", "• a • b"), or the whole text when it is none."""
    opening = _LIST_START.match(text)
    if opening.group("bullet"):
        bullet = opening.group("bullet")
        starts = [m.start() for m in _BULLET_AHEAD.finditer(text) if m.group() == bullet]
    elif opening.group("value") and not opening.group("value").isupper():
        # "A. Aliyev and B. Mammadov" are initials: only numbers and small letters count a list.
        starts = [opening.start("value"), *_later_markers(text, opening)]
    else:
        return [(0, len(text))]
    return list(zip([0, *starts[1:]], [*starts[1:], len(text)]))


def _later_markers(text: str, opening: re.Match[str]) -> list[int]:
    """Where the list goes on: each marker that follows the last one in sequence and style."""
    value, style = opening.group("value"), opening.group("style")
    starts = []
    for marker in _LIST_MARKER_AHEAD.finditer(text, opening.end()):
        if marker.group("style") == style and marker.group("value") == _next_marker_value(value):
            starts.append(marker.start())
            value = marker.group("value")
    return starts


def _next_marker_value(value: str) -> str:
    return str(int(value) + 1) if value.isdigit() else chr(ord(value) + 1)


class _RangeSplitter:
    """Finds the sentences of text[lo:hi] in one pass over its candidate boundaries."""

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.text = text
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        while lo < hi and text[lo].isspace():
            lo += 1
        self.hi = hi
        self.sentence_start = lo
        self.last_stop = max(text.rfind(stop, lo, self.hi) for stop in STOPS)
        self._alnum_known_from = -1
        self._first_alnum = 0

    def spans(self) -> list[tuple[int, int]]:
        """The (start, end) of each sentence of the range, in order."""
        if self.sentence_start >= self.hi:
            return []
        spans = []
        for candidate in _CANDIDATE.finditer(self.text, self.sentence_start, self.hi):
            gap = self._boundary(candidate)
            if gap is not None:
                spans.append((self.sentence_start, gap[0]))
                self.sentence_start = gap[1]
        spans.append((self.sentence_start, self.hi))
        return spans

    def _boundary(self, candidate: re.Match[str]) -> tuple[int, int] | None:
        """The whitespace between two sentences at this candidate, or None when the sentence goes on."""
        kind = candidate.lastgroup
        if kind == "dots_gap":
            return self._ellipsis_boundary(candidate)
        if kind == "glued":
            return self._glued_boundary(candidate.start(kind))
        gap = self._whitespace_before(candidate.start(kind)), candidate.end(kind)
        if len(_LINE_BREAK.findall(self.text, *gap)) > 1:
            return gap
        word_start, word = self._word_ending_at(gap[0])
        following = self._word_at(gap[1])
        if kind == "stop_gap":
            return gap if self._stop_ends_sentence(word, word_start, following) else None
        return gap if self._line_ends_sentence(word, following, gap[1]) else None

    def _ellipsis_boundary(self, candidate: re.Match[str]) -> tuple[int, int] | None:
        """Spaced dots: three mark an omission, four (or three glued to a word) end a sentence."""
        run_start, run_end = candidate.span("dots")
        if not _starts_sentence(self._word_at(candidate.end())):
            return None
        dots = candidate.group("dots").count(".")
        glued = run_start > self.sentence_start and not self.text[run_start - 1].isspace()
        if glued and dots >= 4 and candidate.end("dots_close") == run_end:
            # "compounds. . . . The": the period closes the sentence, the ellipsis opens the next.
            return run_start + 1, run_start + 2
        if glued or dots >= 4:
            return candidate.end("dots_close"), candidate.end()
        return None

    def _glued_boundary(self, period: int) -> tuple[int, int] | None:
        """A period between a word and a capitalised word with no space: two sentences, unless an address."""
        if self._inside_address(period):
            return None
        word_start, word = self._word_ending_at(period + 1)
        if self._stop_ends_sentence(word, word_start, self._word_at(period + 1)):
            return period + 1, period + 1
        return None

    def _inside_address(self, period: int) -> bool:
        """Whether the period belongs to an e-mail address, a URL or a domain name like News.Az."""
        before = self.text[max(0, period - ADDRESS_WINDOW) : period].rsplit(None, 1)[-1:]
        after = self.text[period + 1 : period + 1 + ADDRESS_WINDOW].split(None, 1)[:1]
        left, right = (before or [""])[0], (after or [""])[0]
        if "@" in left or "@" in right or "://" in left or left.lower().startswith("www"):
            return True
        ending = _LETTERS.match(right)
        if ending is None or ending.group().lower() not in DOMAIN_ENDINGS:
            return False
        return ending.end() == len(right) or not right[ending.end()].isalpha()

    def _stop_ends_sentence(self, word: str, word_start: int, following: str | None) -> bool:
        """Whether the stop that ends ``word`` ends the sentence, given the word that follows."""
        if not _starts_sentence(following):
            return False
        body = word.rstrip(CLOSERS)
        stops = _TRAILING_STOPS.search(body)
        if stops is None or stops.group() != ".":
            return True  # !, ?, !? and ellipses end a sentence before a capitalised word
        if _LIST_MARKER.fullmatch(word) and self._is_first_word(word_start):
            return False
        core = body[:-1].rstrip(CLOSERS).lstrip(OPENERS + "(")
        return _period_ends_sentence(core, self._word_before(word_start), following)

    def _line_ends_sentence(self, word: str, following: str | None, next_line: int) -> bool:
        """Whether a line that ends without a stop ends its sentence (a headline, a line of a list)."""
        last = word.rstrip(CLOSERS)
        if not last or last[-1] in LINE_CONTINUATIONS or last.lower() in FUNCTION_WORDS:
            return False
        if _starts_sentence(following):
            return True
        # A lower-case line goes on the sentence above, unless no sentence in the text ever ends.
        return next_line > self.last_stop

    def _whitespace_before(self, end: int) -> int:
        """Where the run of whitespace that ends at end starts."""
        start = end
        while start > self.sentence_start and self.text[start - 1].isspace():
            start -= 1
        return start

    def _is_first_word(self, word_start: int) -> bool:
        """Whether no letter or digit of the current sentence comes before word_start."""
        if self._alnum_known_from != self.sentence_start:
            found = _ALNUM.search(self.text, self.sentence_start, self.hi)
            self._first_alnum = found.start() if found else self.hi
            self._alnum_known_from = self.sentence_start
        return self._first_alnum >= word_start

    def _word_ending_at(self, end: int) -> tuple[int, str]:
        """The word (start, text) that ends at end, no further back than the sentence start."""
        window = self.text[max(self.sentence_start, end - WORD_WINDOW) : end]
        word = (window.rsplit(None, 1) or [""])[-1]
        return end - len(word), word

    def _word_before(self, start: int) -> str | None:
        """The word before the one at start, if there is one."""
        words = self.text[max(0, start - WORD_WINDOW) : start].rsplit(None, 1)
        return words[-1] if words else None

    def _word_at(self, start: int) -> str | None:
        """The word that starts at start, if any."""
        word = _WORD_AHEAD.match(self.text, start, self.hi)
        return word.group() if word else None


def _period_ends_sentence(core: str, previous: str | None, following: str) -> bool:
    """Whether "core." ends a sentence before ``following``, which starts like a sentence."""
    key = core.lower()
    if key in TITLES or key in NEVER_FINAL or _is_initial(core, previous):
        return False
    if key in _TIME_OF_DAY:
        return True
    if key in NUMBER_PREFIXES or (len(core) == 1 and core.islower()):
        return not _starts_with_digit(following)
    if key in NAME_ENDINGS or _INITIALISM.fullmatch(core):
        return _opens_sentence_typically(following)
    return True


def _is_initial(core: str, previous: str | None) -> bool:
    """A capital letter as in "J. R. R. Tolkien"; the pronoun in "you and I." is none."""
    if len(core) != 1 or not core.isupper():
        return False
    return core != "I" or previous is None or not previous.lstrip(OPENERS)[:1].islower()


def _starts_sentence(word: str | None) -> bool:
    """Whether word can open a sentence: a capital, a digit, a bullet or a currency sign first."""
    if not word:
        return False
    first = word.lstrip(OPENERS)[:1]
    return bool(first) and (first.isupper() or first.isdigit() or first in BULLETS or first in CURRENCY)


def _starts_with_digit(word: str) -> bool:
    return word.lstrip(OPENERS + "(")[:1].isdigit()


def _opens_sentence_typically(word: str) -> bool:
    """Whether word is one that opens sentences far more often than it names something."""
    letters = _LETTERS.match(word.lstrip(OPENERS))
    return letters is not None and letters.group() in SENTENCE_OPENERS
