"""Reading every number mention of a text in its own locale."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from . import lexicon
from .dates import assemble_dates, hijri_year_doubt, numeric_date
from .locale_data import LocaleData, number_vocabulary
from .mention import NumberMention
from .numeral import read_numeral
from .text import Token, fold, tokenize
from .words import normalise_word

ROMAN_LETTERS = str.maketrans("ІХСМİ", "IXCMI")
ROMAN_CHARS = frozenset("IVXLCDMІХСМİ")
LOWERCASE = "abcdefghijklmnopqrstuvwxyzàâçèéêëîïôûüᵉ"
STRICT_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
SIGNS = frozenset("-\u2212")
DASHES = frozenset("-\u2013")
PERCENT_SIGNS = frozenset("%\u066a")
VAGUE_ENDINGS = ("lərlə", "larla", "lerce", "larca", "lərcə", "ларла")
RU_COMPOUND = re.compile(r"^(\w{3,}?)(?:летн|лети|дневн|месячн|кратн|этажн)\w*$")
RU_CENTURY_PREFIXES = frozenset({"сто", "тысяче"})
SPACES = frozenset(("", " ", "\u00a0", "\u202f", "\u2009"))


class TextReader:
    """Walks the tokens of one text once and collects its mentions."""

    def __init__(self, text: str, data: LocaleData) -> None:
        self.folded = fold(text)
        self.text = self.folded.text
        self.data = data
        self.tokens = tokenize(self.text)
        self.mentions: list[NumberMention] = []
        self.overrides: dict[int, Decimal] = {}
        self.vocabulary, self.scale_prefixes = number_vocabulary(data.locale)

    def read(self) -> list[NumberMention]:
        """Visit only the tokens that can open a mention; a mention may take the next few."""
        next_free = 0
        may_matter = self.data.memo_table("may-matter")
        for index, (kind, text, _, _) in enumerate(self.tokens):
            if index < next_free or kind == "sym":
                continue
            if kind == "word":
                matters = may_matter.get(text)
                if matters is None:
                    matters = may_matter[text] = self._may_matter(text)
                if not matters:
                    continue
            next_free = self._step(index)
        return assemble_dates(self.mentions, self.tokens, self.data)

    # -- token helpers -------------------------------------------------------------------------

    def gap(self, index: int) -> str:
        """The text between token ``index`` and the one before it."""
        if index <= 0 or index >= len(self.tokens):
            return " "
        return self.text[self.tokens[index - 1].end:self.tokens[index].start]

    def token(self, index: int) -> Token | None:
        return self.tokens[index] if 0 <= index < len(self.tokens) else None

    def is_word(self, index: int) -> bool:
        tok = self.token(index)
        return tok is not None and tok.kind == "word"

    def emit(self, first: int, last: int, value: Decimal, **fields: object) -> None:
        start, end = self.tokens[first].start, self.tokens[last].end
        self.mentions.append(NumberMention(
            value=value, span=self.folded.original_span(start, end), text=self.text[start:end],
            token_index=first, last_token=last, **fields))  # type: ignore[arg-type]

    # -- dispatch ------------------------------------------------------------------------------

    def _step(self, index: int) -> int:
        tok = self.tokens[index]
        if tok.kind == "num":
            return self._number(index)
        if tok.kind == "word":
            return self._word(index)
        if tok.kind in ("isodate", "date", "slash"):
            return self._numeric_date(index)
        if tok.kind == "time":
            hours, minutes = tok.text.split(":")
            self.emit(index, index, Decimal(int(hours) * 60 + int(minutes)), cls="time", kind="time")
        elif tok.kind in ("phone", "code"):
            digits = "".join(ch for ch in tok.text if ch.isdigit())
            if tok.kind == "code" and self._year_like(Decimal(digits or 0), digits):
                self.emit(index, index, Decimal(digits), kind="year")  # "Евро-2024", "Open-2024"
            else:
                self.emit(index, index, Decimal(int(digits) if digits else 0), cls="code", kind="code")
        return index + 1

    # -- digits --------------------------------------------------------------------------------

    def _number(self, index: int) -> int:
        tok = self.tokens[index]
        value, alternatives = read_numeral(tok.text, self.data)
        if index in self.overrides:
            value, alternatives = self.overrides[index], ()
        after_range = self._range_partner(index)
        if after_range == "score":
            return index + 3
        first, last = index, index
        fields: dict[str, object] = {"cls": "num", "kind": "cardinal", "currency": None}
        first, value = self._prefix(index, value, fields)
        last, kind_scale = self._suffix(index, fields)
        if kind_scale:
            value, alternatives = value * kind_scale, tuple(a * kind_scale for a in alternatives)
        last, value, alternatives = self._trailing(last, value, alternatives, fields)
        if fields["kind"] in ("cardinal", "ordinal") and self._year_like(value, tok.text):
            fields["kind"] = "year"
        doubt = hijri_year_doubt(value, self.data) if fields["kind"] == "year" else None
        if doubt:
            alternatives, fields["doubt"] = doubt, "solar-hijri-year"
        elif alternatives:
            fields["doubt"] = "ambiguous-separator"
        self.emit(first, last, value, alternatives=alternatives, **fields)
        return last + 1

    def _range_partner(self, index: int) -> str | None:
        """Spot ``a–b``: expand ``1992-93``, drop sports scores such as ``1-0``."""
        dash, partner = self.token(index + 1), self.token(index + 2)
        if not (dash and partner and dash.text in DASHES | {":"} and partner.kind == "num"):
            return None
        if self.gap(index + 1) not in SPACES or self.gap(index + 2) not in SPACES:
            return None
        first, second = self.tokens[index].text, partner.text
        if not (first.isdigit() and second.isdigit()):
            return "range"
        if dash.text == ":" and int(first) <= 20 and int(second) <= 20:
            return "score"
        if len(first) == 4 and len(second) == 2 and int(first[2:]) < int(second):
            self.overrides[index + 2] = Decimal(int(first[:2] + second))
        elif int(second) <= int(first) <= 20 and len(first) <= 2:
            return "score"
        return "range"

    def _prefix(self, index: int, value: Decimal, fields: dict[str, object]) -> tuple[int, Decimal]:
        before = self.token(index - 1)
        if before is None:
            return index, value
        glued = self.gap(index) == ""
        if before.kind == "sym" and glued and before.text in SIGNS and self._sign_position(index - 1):
            return index - 1, -value
        if before.kind == "sym" and before.text in PERCENT_SIGNS and glued:
            fields["cls"] = "pct"
            return index - 1, value
        if before.kind == "sym" and before.text in self.data.currency_symbols and len(self.gap(index)) <= 1:
            fields["currency"] = self.data.currency_symbols[before.text]
            return index - 1, value
        if before.kind == "word" and self.gap(index) in SPACES:
            folded = before.text.casefold()
            if folded in self.data.percent_before:
                fields["cls"] = "pct"
                return index - 1, value
            if before.text.isupper() and before.text in lexicon.CURRENCY_HOMES:
                fields["currency"] = before.text
                return index - 1, value
        return index, value

    def _sign_position(self, sign_index: int) -> bool:
        before = self.token(sign_index - 1)
        if before is None or before.text in "([":
            return True
        return self.gap(sign_index) != "" and before.kind not in ("num", "code") \
            and not self._roman_value(sign_index - 1)

    def _suffix(self, index: int, fields: dict[str, object]) -> tuple[int, int | None]:
        """Glued endings: ``-ci``, ``'de``, ``nd``, ``-го``, a glued scale (``73.7m``, ``2B``)."""
        nxt = self.token(index + 1)
        if nxt is None or self.gap(index + 1) != "":
            return index, None
        if nxt.kind == "sym" and nxt.text in "-'" and self.is_word(index + 2) and self.gap(index + 2) == "":
            if self.data.is_ordinal_suffix(self.tokens[index + 2].text):
                fields["kind"] = "ordinal"
            return index + 2, None
        if nxt.kind == "word":
            if self.data.is_ordinal_suffix(nxt.text):
                fields["kind"] = "ordinal"
                return index + 1, None
            scale = self.data.abbreviation_scale(nxt.text)
            if scale and (nxt.text[0].isupper() or fields["currency"] or nxt.text.isupper()):
                fields["kind"] = "scaled"
                return index + 1, scale
            return index + 1, None
        if nxt.kind == "sym" and nxt.text == "." and self.data.lang in ("de", "tr"):
            after = self.token(index + 2)
            if after is not None and (after.text[:1].islower() or after.kind in ("num", "sym")):
                fields["kind"] = "ordinal"
                return index + 1, None
        return index, None

    def _trailing(self, last: int, value: Decimal, alternatives: tuple[Decimal, ...],
                  fields: dict[str, object]) -> tuple[int, Decimal, tuple[Decimal, ...]]:
        """Percent signs and words, scale words (multiplying, chains adding), currencies."""
        position = last + 1
        percent_end = self._percent_after(position)
        if percent_end is not None:
            fields["cls"] = "pct"
            return percent_end, value, alternatives
        partner_scale = self._range_scale(position)
        if partner_scale:
            return last, value * partner_scale, tuple(a * partner_scale for a in alternatives)
        scale = self._scale_at(position)
        if scale and fields["kind"] != "scaled":
            fields["kind"] = "scaled"
            value, alternatives = value * scale, tuple(a * scale for a in alternatives)
            last = self._skip_dot(position, abbreviated=bool(self.data.abbreviation_scale(self.tokens[position].text)))
            last, value = self._chain(last, value, scale)
        currency_end = self._currency_after(last + 1, fields)
        return max(last, currency_end), value, alternatives

    def _percent_after(self, position: int) -> int | None:
        tok = self.token(position)
        if tok is None or self.gap(position) not in SPACES:
            return None
        if tok.kind == "sym" and tok.text in PERCENT_SIGNS | {"‰"}:
            return position
        if not tok.text.casefold().startswith(_opening_stems(self.data.percent_after)):
            return None  # no phrase can start here: spare the walk over every phrase
        for phrase in self.data.percent_after:
            end = self._phrase_at(position, phrase)
            if end is not None:
                return end
        return None

    def _phrase_at(self, position: int, phrase: str) -> int | None:
        """Index of the last token if the words of ``phrase`` start at ``position`` (as prefixes)."""
        parts = phrase.split()
        for offset, part in enumerate(parts):
            tok = self.token(position + offset)
            if tok is None or tok.kind not in ("word", "sym"):
                return None
            folded = tok.text.casefold()
            last_part = offset == len(parts) - 1
            stem = part.rstrip(".")
            if not (folded == stem or (last_part and folded.startswith(stem) and len(folded) - len(stem) <= 3)):
                return None
        end = position + len(parts) - 1
        return self._skip_dot(end) if phrase.endswith(".") else end

    def _range_scale(self, position: int) -> int | None:
        """In ``2–3 million`` the first end takes the scale of the second."""
        dash, partner = self.token(position), self.token(position + 1)
        if dash and partner and dash.text in DASHES and partner.kind == "num":
            return self._scale_at(position + 2)
        return None

    def _scale_at(self, position: int) -> int | None:
        tok = self.token(position)
        if tok is None or tok.kind != "word" or self.gap(position) not in SPACES:
            return None
        if normalise_word(tok.text).endswith(VAGUE_ENDINGS):
            return None
        return self.data.scale_of(tok.text) or self.data.abbreviation_scale(tok.text)

    def _skip_dot(self, position: int, abbreviated: bool = False) -> int:
        """Take the dot of an abbreviation (``mln.``, ``тыс.``) but not a sentence's full stop."""
        nxt = self.token(position + 1)
        if nxt is not None and nxt.text == "." and self.gap(position + 1) == "":
            following = self.token(position + 2)
            if abbreviated or (following is not None and not following.text[:1].isupper()):
                return position + 1
        return position

    def _chain(self, last: int, value: Decimal, scale: int) -> tuple[int, Decimal]:
        """``1 bin 275`` = 1275 and ``1 milyar 500 milyon`` = 1.5e9: smaller parts add."""
        position = last + 1
        tok = self.token(position)
        if tok is None or tok.kind != "num" or not tok.text.isdigit() or self.gap(position) not in SPACES:
            return last, value
        part = Decimal(int(tok.text))
        smaller = self._scale_at(position + 1)
        if smaller and smaller < scale and part * smaller < scale:
            return self._skip_dot(position + 1), value + part * smaller
        nxt = self.token(position + 1)
        if part < scale and scale == 1000 and not (nxt and nxt.text in DASHES):
            return position, value + part
        return last, value

    def _currency_after(self, position: int, fields: dict[str, object]) -> int:
        for offset in range(2):
            tok = self.token(position + offset)
            if tok is None or self.gap(position + offset) not in SPACES:
                break
            if tok.kind == "sym" and tok.text in self.data.currency_symbols:
                fields["currency"] = fields["currency"] or self.data.currency_symbols[tok.text]
                return position + offset
            if tok.kind != "word":
                break
            code = self.data.currency_of_word(tok.text)
            if code:
                fields["currency"] = fields["currency"] or code
                return position + offset
        return position - 1

    @staticmethod
    def _year_like(value: Decimal, raw: str) -> bool:
        return raw.isdigit() and len(raw) == 4 and 1000 <= value <= 2999

    # -- words ---------------------------------------------------------------------------------

    def _word(self, index: int) -> int:
        roman = self._roman_value(index)
        if roman:
            self.emit(index, index, Decimal(roman), kind="roman")
            return index + 1
        if "-" in self.tokens[index].text and self._roman_range(index):
            return index + 1
        vague_end = self._vague_at(index)
        if vague_end is not None:
            return vague_end + 1
        words_end = self._number_words(index)
        if words_end is not None:
            return words_end + 1
        self._bare_scale(index) or self._month(index)
        return index + 1

    def _roman_value(self, index: int) -> int:
        tok = self.token(index)
        if tok is None or tok.kind != "word":
            return 0
        numeral = tok.text.rstrip(LOWERCASE)
        suffix = tok.text[len(numeral):]
        if not numeral or not set(numeral) <= ROMAN_CHARS or (suffix and not self.data.is_ordinal_suffix(suffix)):
            return 0
        letters = numeral.translate(ROMAN_LETTERS)
        if not STRICT_ROMAN.fullmatch(letters):
            return 0
        if not ((len(letters) >= 2 and set(letters) <= set("IVX")) or self._near_century_word(index)):
            return 0
        return roman_to_int(letters)

    def _may_matter(self, word: str) -> bool:
        """Whether a word can open a mention; most cannot, and ``read`` remembers the answer."""
        if word[0] in ROMAN_CHARS:
            return True
        folded = normalise_word(word)
        first = folded.split()[0] if " " in folded else folded
        return (first in self.vocabulary or folded[:4] in self.scale_prefixes
                or folded[:3] in self.scale_prefixes or self._vague_opening(first)
                or (self.data.lang == "ru" and bool(RU_COMPOUND.match(folded)))
                or bool(self.data.month_of(word) or self.data.persian_months.get(word)))

    def _vague_opening(self, folded: str) -> bool:
        return (folded in self.data.vague or folded.endswith(VAGUE_ENDINGS)
                or any(phrase[0] == folded for phrase in self.data.vague_phrases))

    def _roman_range(self, index: int) -> bool:
        """``XIV-XV`` written with a hyphen is one word token: two Roman numerals."""
        parts = self.tokens[index].text.split("-")
        letters = [p.translate(ROMAN_LETTERS) for p in parts]
        if not all(set(p) <= ROMAN_CHARS and l and STRICT_ROMAN.fullmatch(l) for p, l in zip(parts, letters)):
            return False
        for part in letters:
            self.emit(index, index, Decimal(roman_to_int(part)), kind="roman")
        return True

    def _near_century_word(self, index: int) -> bool:
        for neighbour in (index - 1, index + 1, index + 2):
            tok = self.token(neighbour)
            if tok is not None and tok.kind == "word":
                folded = tok.text.casefold()
                if any(folded.startswith(w.rstrip(".")) for w in self.data.century_words):
                    return True
        return False

    def _vague_word(self, word: str) -> bool:
        folded = normalise_word(word)
        return folded in self.data.vague or folded.endswith(VAGUE_ENDINGS)

    def _vague_at(self, index: int) -> int | None:
        """A vague quantifier ("hundreds of thousands", "bir neçə") and the scale word it governs."""
        end = None
        opening = normalise_word(self.tokens[index].text)
        for phrase in self.data.vague_phrases:
            if phrase[0] != opening:
                continue
            if all(self.is_word(index + i) and normalise_word(self.tokens[index + i].text) == part
                   for i, part in enumerate(phrase)):
                end = index + len(phrase) - 1
        if end is None and self._vague_word(self.tokens[index].text):
            end = index
        if end is None:
            return None
        return self._swallow_governed(end)

    def _swallow_governed(self, end: int) -> int:
        nxt = end + 1
        if self.is_word(nxt) and normalise_word(self.tokens[nxt].text) in ("of", "de", "d"):
            nxt += 1
        if self.is_word(nxt) and (self.data.scale_of(self.tokens[nxt].text)
                                  or self._vague_word(self.tokens[nxt].text)):
            return nxt
        return end

    def _number_words(self, index: int) -> int | None:
        """A run of number words, with scale words multiplying; a soft mention."""
        found = self._word_phrase(index)
        if found is None:
            return None
        last, value_dec, ordinal = found
        if not ordinal:
            last, value_dec = self._and_a_half(last, value_dec)
        scale = self._scale_at(last + 1)
        if scale and not ordinal:
            value_dec *= scale
            last += 1
            tail = self._word_phrase(last + 1)
            if tail and tail[1] < scale and not tail[2]:
                last, value_dec = tail[0], value_dec + tail[1]
        if self._vague_word_at(last + 1):
            return self._swallow_governed(last + 1)
        fields: dict[str, object] = {"cls": "num", "currency": None,
                                     "weak": last == index and self._ambiguous_word(index)}
        percent_end = self._percent_after(last + 1)
        if percent_end is not None:
            fields["cls"], last = "pct", percent_end
        else:
            last = max(last, self._currency_after(last + 1, fields))
        self.emit(index, last, value_dec, hard=False, kind="ordinal" if ordinal else "cardinal",
                  **fields)
        return last

    def _and_a_half(self, last: int, value: Decimal) -> tuple[int, Decimal]:
        """``две с половиной``, ``iki yarım``, ``two and a half``: the cardinal plus one half."""
        for phrase in lexicon.HALF_AFTER.get(self.data.lang, ()):
            end = self._exact_words_at(last + 1, phrase)
            if end is not None:
                return end, value + Decimal("0.5")
        return last, value

    def _exact_words_at(self, position: int, phrase: str) -> int | None:
        """Index of the last token if the words of ``phrase`` are the words at ``position``."""
        parts = phrase.split()
        for offset, part in enumerate(parts):
            if not self.is_word(position + offset) or self.gap(position + offset) not in SPACES \
                    or normalise_word(self.tokens[position + offset].text) != part:
                return None
        return position + len(parts) - 1

    def _ambiguous_word(self, index: int) -> bool:
        """A number word that is also a common other word of the language (ur نو "new")."""
        return normalise_word(self.tokens[index].text) in self.data.words.ambiguous

    def _vague_word_at(self, index: int) -> bool:
        return self.is_word(index) and self._vague_word(self.tokens[index].text)

    def _word_phrase(self, index: int) -> tuple[int, Decimal, bool] | None:
        """Longest run of word tokens from ``index`` that the number-word table knows."""
        table = self.data.words
        if not self.is_word(index):
            return None
        half = self.data.half_number(self.tokens[index].text)
        if half is not None:
            return index, half, False
        first = normalise_word(self.tokens[index].text).split()
        if first and self.data.lang == "ru":
            compound = self._russian_compound(first[0])
            if compound:
                return index, Decimal(compound), False
        if not first or first[0] not in table.starters:
            return None
        parts: list[str] = []
        ends: list[int] = []
        position = index
        while self.is_word(position) and len(parts) < table.max_words + 1:
            if position > index and self.gap(position) not in SPACES:
                break
            parts.extend(normalise_word(self.tokens[position].text).split())
            ends.append(len(parts))
            position += 1
        for count in range(len(ends), 0, -1):
            hit = table.lookup(parts[:ends[count - 1]])
            if hit is not None:
                return index + count - 1, Decimal(hit[0]), hit[1]
        return None

    def _russian_compound(self, word: str) -> int | None:
        """``тридцатилетней`` = 30, ``сорокачетырехдневной`` = 44: a number glued to a noun root."""
        match = RU_COMPOUND.match(word)
        if not match:
            return None
        prefix = match.group(1)
        if prefix in RU_CENTURY_PREFIXES:  # столетие, тысячелетие: century, millennium
            return None
        entries = self.data.words.entries
        if prefix in entries and not entries[prefix][1]:
            return entries[prefix][0]
        for cut in range(3, len(prefix) - 2):
            head, tail = entries.get(prefix[:cut]), entries.get(prefix[cut:])
            if head and tail and not head[1] and not tail[1] and head[0] % 10 == 0 and tail[0] < 10:
                return head[0] + tail[0]
        return None

    def _bare_scale(self, index: int) -> bool:
        """``min nəfər`` = 1000: a singular scale word alone is a soft number."""
        word = self.tokens[index].text
        if self._vague_word(word) or not word[:1].islower() and self.data.lang != "de":
            return False
        folded = normalise_word(word)
        scale = self.data.scale_of(word)
        if not scale:
            return False
        singular = folded in self.data.scale_singular or (
            self.data.turkic and not folded.endswith(("lar", "lər", "ler")))
        if singular:
            self.emit(index, index, Decimal(scale), hard=False, kind="cardinal")
        return True

    def _month(self, index: int) -> bool:
        """A month name counts only next to a day or a year: "the march on" is no date."""
        word = self.tokens[index].text
        month = self.data.month_of(word)
        persian = self.data.persian_months.get(word)
        if not (month or persian) or not self._next_to_date_number(index):
            return False
        self.emit(index, index, Decimal(persian or month), cls="month", kind="persian-month" if persian else "month")
        return True

    def _next_to_date_number(self, index: int) -> bool:
        """The token before (``26 February``, ``26. Februar``) or after (``February 26``) is a day or year."""
        before = index - 2 if self._glued_dot(index - 1) else index - 1
        return any(self._date_number(position) for position in (before, index + 1))

    def _glued_dot(self, index: int) -> bool:
        tok = self.token(index)
        return tok is not None and tok.text == "." and self.gap(index) == ""

    def _date_number(self, index: int) -> bool:
        tok = self.token(index)
        if tok is None or tok.kind != "num" or not tok.text.isdigit():
            return False
        return 1 <= int(tok.text) <= 31 or len(tok.text) == 4

    # -- numeric dates -------------------------------------------------------------------------

    def _numeric_date(self, index: int) -> int:
        tok = self.tokens[index]
        if tok.text in lexicon.IDIOMS:
            return index + 1
        parts = numeric_date(tok.text, tok.kind, self.data)
        if parts is None:
            for number in re.findall(r"\d+", tok.text):
                self.emit(index, index, Decimal(int(number)))
            return index + 1
        year, month, day = parts
        label = _iso_label(year, month, day)
        if day:
            self.emit(index, index, Decimal(day), kind="day", date=label)
        self.emit(index, index, Decimal(month), cls="month", kind="month", date=label)
        if year:
            self.emit(index, index, Decimal(year), kind="year", date=label)
        return index + 1


@lru_cache(maxsize=64)
def _opening_stems(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The stem every match of each phrase starts with, as ``_phrase_at`` compares it."""
    return tuple(phrase.split()[0].rstrip(".") for phrase in phrases)


def _iso_label(year: int | None, month: int, day: int | None) -> str:
    head = f"{year:04d}-{month:02d}" if year else f"--{month:02d}"
    return f"{head}-{day:02d}" if day else head


def roman_to_int(letters: str) -> int:
    """The value of a valid Roman numeral in Latin letters."""
    total = 0
    for current, following in zip(letters, letters[1:] + " "):
        value = ROMAN_VALUES[current]
        total += -value if following != " " and ROMAN_VALUES[following] > value else value
    return total

