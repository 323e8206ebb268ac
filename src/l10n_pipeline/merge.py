"""Merge a template (POT) into an existing translation catalog, as ``msgmerge --previous`` does.

A translator's work is never lost: a translation is kept live (exact match), copied as a
``fuzzy`` suggestion with its ``#| msgid`` (near match), or kept as obsolete (``#~``).

Fuzzy matching differs from msgmerge in where it looks. msgmerge compares every new msgid
with every old one, which is quadratic. Here exact matches are taken by key first; only the
template entries left without one are matched, and only against the old translations left
unused, shortlisted through a character-trigram index before the precise ratio is computed.
For an edited sentence its old version is always in that pool, so the result is the same or
better, and the work stays proportional to what changed.

We also keep the source of a fuzzy match as obsolete (msgmerge drops it), so that a wrong
guess costs nothing.
"""

from __future__ import annotations

import marshal
import os
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, replace
from functools import partial
from typing import BinaryIO

from l10n_pipeline.catalog import Catalog, Entry, cycle_collector_paused
from l10n_pipeline.forked import ForkedWork, can_fork
from l10n_pipeline.pofile import read_po

FUZZY_THRESHOLD = 0.6
# msgmerge gives a candidate from the same context this small advantage: a tie-breaker only.
SAME_CONTEXT_BONUS = 0.00001
SHORTLIST_SIZE = 12
QUERY_TRIGRAMS = 32
# Bounds the index work per query, so a msgid made only of common trigrams stays cheap.
POSTINGS_BUDGET = 4000
FUZZY = "fuzzy"
POT_CREATION_DATE = "POT-Creation-Date"
# Below this template size a worker process costs more than it saves.
_PARALLEL_READ_BYTES = 1 << 20
# Entries per marshalled batch a reading worker sends: few writes, and no large buffer on either side.
_BATCH_ENTRIES = 5000
# Each process makes at least this many near-match searches: for fewer, a worker costs more than it saves.
_QUERIES_PER_PROCESS = 500
# Character counts for the closer similarity ceiling: slots characters are folded into, bits per
# count (an array of type "H").
_CHAR_SLOTS = 128
_COUNT_BITS = 16
_FIELD_MASK = (1 << _COUNT_BITS) - 1
_FIELD_TOP_BITS = sum(1 << (_COUNT_BITS * slot + _COUNT_BITS - 1) for slot in range(_CHAR_SLOTS))

Key = tuple[str | None, str]


@dataclass(frozen=True)
class MergeStats:
    """What a merge did; ``obsolete`` counts entries made obsolete by this merge."""

    exact: int
    fuzzy: int
    new: int
    obsolete: int
    revived: int


def read_for_merge(
    template_path: str | os.PathLike[str], catalog_path: str | os.PathLike[str], jobs: int = 1
) -> tuple[Catalog, Catalog]:
    """Both inputs of a merge; with ``jobs`` > 1 a large template is read by a forked worker while
    this process reads the catalog.

    Errors are the same as reading one after the other: the template's first.
    """
    if jobs < 2 or os.path.getsize(template_path) < _PARALLEL_READ_BYTES or not can_fork():
        return read_po(template_path), read_po(catalog_path)
    with ForkedWork(partial(_send_catalog, template_path)) as worker:
        try:
            catalog = read_po(catalog_path)
        except Exception:
            worker.result()  # the template's error, if it has one, comes first
            raise
        template = _received_catalog(worker.result())
    return template, catalog


def _send_catalog(path: str | os.PathLike[str], stream: BinaryIO) -> None:
    """Read a catalog and write it to ``stream`` in marshalled batches of entry fields."""
    catalog = read_po(path)
    _send_batch(stream, [catalog.path, catalog.header.as_fields()])
    for start in range(0, len(catalog.entries), _BATCH_ENTRIES):
        _send_batch(stream, [entry.as_fields() for entry in catalog.entries[start : start + _BATCH_ENTRIES]])


def _send_batch(stream: BinaryIO, values: list) -> None:
    data = marshal.dumps(values)
    stream.write(len(data).to_bytes(8, "little"))
    stream.write(data)


def _received_catalog(stream: BinaryIO) -> Catalog:
    """The catalog ``_send_catalog`` wrote."""
    with cycle_collector_paused():
        batches = iter(lambda: stream.read(8), b"")
        path, header = marshal.loads(stream.read(int.from_bytes(next(batches), "little")))
        catalog = Catalog(header=Entry(*header), path=path)
        for size in batches:
            batch = marshal.loads(stream.read(int.from_bytes(size, "little")))
            catalog.entries.extend(Entry(*fields) for fields in batch)
    return catalog


def merge_catalog(
    template: Catalog,
    existing: Catalog | None,
    *,
    fuzzy_matching: bool = True,
    consume: bool = False,
    jobs: int = 1,
) -> tuple[Catalog, MergeStats]:
    """Return ``existing`` brought up to date with ``template``, and what changed.

    The inputs are not modified; the result shares no mutable state with them. With ``consume``,
    for callers that drop the inputs afterwards, their entries are reused for the result instead of
    copied and the inputs are left empty: the merge then holds about one catalog less. With ``jobs``
    above 1, many near-match searches are shared among that many processes.
    """
    # The merge allocates one entry per message and creates no reference cycles; pausing
    # the cycle collector meanwhile spares it rescanning both catalogs many times over.
    with cycle_collector_paused():
        return _merge(template, existing, fuzzy_matching=fuzzy_matching, consume=consume, jobs=jobs)


def _merge(
    template: Catalog, existing: Catalog | None, *, fuzzy_matching: bool, consume: bool, jobs: int
) -> tuple[Catalog, MergeStats]:
    """The merge itself; see ``merge_catalog``."""
    old = existing or Catalog()
    live_by_key = _first_by_key(old.live_entries)
    obsolete_by_key = _first_by_key(e for e in old.obsolete_entries if e.has_translation)
    used: set[int] = set()
    counts: Counter[str] = Counter()
    merged: list[Entry | None] = []
    unmatched: list[tuple[int, Entry]] = []

    unique_entries = _unique_by_key(template.entries)
    if consume:
        template.entries = []
    for new in unique_entries:
        old_entry = live_by_key.get(new.key)
        kind = "exact"
        if old_entry is None:
            old_entry, kind = obsolete_by_key.get(new.key), "revived"
        if old_entry is None:
            unmatched.append((len(merged), new))
            merged.append(None)
            continue
        used.add(id(old_entry))
        counts[kind] += 1
        merged.append(_exact_match(new, old_entry, reuse=consume))
    del unique_entries, live_by_key, obsolete_by_key

    leftovers = [e for e in old.entries if id(e) not in used and e.has_translation]
    if consume:
        # The old entries matched exactly are not needed any more: let them go now.
        old.entries = []
    if fuzzy_matching and unmatched:
        sources = _FuzzyIndex(leftovers).best_matches([new for _, new in unmatched], jobs=jobs)
    else:
        sources = [None] * len(unmatched)
    for (position, new), source in zip(unmatched, sources):
        counts["fuzzy" if source else "new"] += 1
        merged[position] = _fuzzy_match(new, source, reuse=consume) if source else _untranslated(new, reuse=consume)
    del sources, unmatched

    copy = _reused if consume else _copied
    kept_obsolete = [copy(e) for e in leftovers if e.obsolete]
    # References to where a message no longer is would mislead; gettext drops them too.
    made_obsolete = [copy(e, obsolete=True, references=[]) for e in leftovers if not e.obsolete]
    entries = [e for e in merged if e is not None] + kept_obsolete + made_obsolete
    result = Catalog(header=_merged_header(template, existing), entries=entries, path=old.path)
    stats = MergeStats(
        exact=counts["exact"],
        fuzzy=counts["fuzzy"],
        new=counts["new"],
        obsolete=len(made_obsolete),
        revived=counts["revived"],
    )
    return result, stats


def _first_by_key(entries: Iterable[Entry]) -> dict[Key, Entry]:
    """Index entries by (msgctxt, msgid); on a duplicate the first one wins."""
    by_key: dict[Key, Entry] = {}
    for entry in entries:
        by_key.setdefault(entry.key, entry)
    return by_key


def _unique_by_key(entries: list[Entry]) -> list[Entry]:
    """Template entries without duplicate keys (msgmerge rejects those; we keep the first)."""
    return list(_first_by_key(e for e in entries if not e.obsolete).values())


def _exact_match(new: Entry, old: Entry, *, reuse: bool) -> Entry:
    """The template entry carrying the old translation, comments and translator flags."""
    plural_changed = (new.msgid_plural is None) != (old.msgid_plural is None)
    fuzzy = old.fuzzy or (plural_changed and old.has_translation)
    previous = old if fuzzy and not old.fuzzy else None
    # An exactly matched old entry never reaches the result, so its comments may move over.
    entry = _from_template(new, old, fuzzy=fuzzy, previous=previous, reuse=reuse, take_comments=reuse)
    if old.fuzzy:
        entry.previous_msgctxt = old.previous_msgctxt
        entry.previous_msgid = old.previous_msgid
        entry.previous_msgid_plural = old.previous_msgid_plural
    return entry


def _fuzzy_match(new: Entry, source: Entry, *, reuse: bool) -> Entry:
    """The template entry with a near match's translation as a fuzzy suggestion."""
    # The source stays in the result as obsolete: its comment list is copied, never shared.
    return _from_template(new, source, fuzzy=True, previous=source, reuse=reuse, take_comments=False)


def _untranslated(new: Entry, *, reuse: bool) -> Entry:
    """A template entry nobody has translated yet."""
    flags = [flag for flag in new.flags if flag != FUZZY]
    copy = _reused if reuse else _copied
    return copy(new, flags=flags, msgstr="", previous_msgctxt=None, previous_msgid=None)


def _from_template(
    new: Entry, old: Entry, *, fuzzy: bool, previous: Entry | None, reuse: bool, take_comments: bool
) -> Entry:
    """Template fields (msgid, plural, references, extracted comments) plus the old work.

    With ``reuse`` the template entry itself becomes the result, with ``take_comments`` taking
    over the old entry's comment list.
    """
    msgstr, msgstr_plural = _translation_for(new, old)
    if reuse:
        # What ``_reused`` does, spelt out: this runs once per message of the catalog.
        new.msgstr = msgstr
        new.msgstr_plural = msgstr_plural
        new.flags = _merged_flags(new.flags, old.flags, fuzzy=fuzzy)
        new.translator_comments = old.translator_comments if take_comments else list(old.translator_comments)
        new.previous_msgctxt = previous.msgctxt if previous else None
        new.previous_msgid = previous.msgid if previous else None
        new.previous_msgid_plural = previous.msgid_plural if previous else None
        new.obsolete = False
        new.line = 0
        return new
    return Entry(
        msgid=new.msgid,
        msgstr=msgstr,
        msgctxt=new.msgctxt,
        msgid_plural=new.msgid_plural,
        msgstr_plural=msgstr_plural,
        flags=_merged_flags(new.flags, old.flags, fuzzy=fuzzy),
        references=list(new.references),
        extracted_comments=list(new.extracted_comments),
        translator_comments=list(old.translator_comments),
        previous_msgctxt=previous.msgctxt if previous else None,
        previous_msgid=previous.msgid if previous else None,
        previous_msgid_plural=previous.msgid_plural if previous else None,
    )


def _translation_for(new: Entry, old: Entry) -> tuple[str, dict[int, str]]:
    """The old translation, reshaped when the template added or dropped a plural."""
    if new.msgid_plural is None:
        return (old.msgstr if old.msgid_plural is None else old.msgstr_plural.get(0, "")), {}
    if old.msgid_plural is not None:
        return "", dict(old.msgstr_plural)
    forms = dict(new.msgstr_plural) or {0: "", 1: ""}
    forms[0] = old.msgstr
    return "", forms


def is_extraction_flag(flag: str) -> bool:
    """Flags the extractor owns (format, range, wrapping): they always come from the template."""
    return flag.endswith("-format") or flag.startswith("range:") or flag in {"wrap", "no-wrap"}


def _merged_flags(template_flags: list[str], old_flags: list[str], *, fuzzy: bool) -> list[str]:
    """``fuzzy`` first, then the template's flags, then the translator's own (``ignore-*``)."""
    flags = [FUZZY] if fuzzy else []
    for flag in template_flags:
        if flag != FUZZY and flag not in flags:
            flags.append(flag)
    for flag in old_flags:
        if flag != FUZZY and not is_extraction_flag(flag) and flag not in flags:
            flags.append(flag)
    return flags


def _copied(entry: Entry, **changes) -> Entry:
    """A copy sharing no lists with ``entry``; merged catalogs never alias their inputs."""
    fields = {
        "flags": list(entry.flags),
        "references": list(entry.references),
        "extracted_comments": list(entry.extracted_comments),
        "translator_comments": list(entry.translator_comments),
        "msgstr_plural": dict(entry.msgstr_plural),
        "line": 0,
    }
    return replace(entry, **(fields | changes))


def _reused(entry: Entry, **changes) -> Entry:
    """``entry`` itself with ``changes`` applied: what ``_copied`` gives, when the input is let go."""
    for name, value in (changes | {"line": 0}).items():
        setattr(entry, name, value)
    return entry


def _merged_header(template: Catalog, existing: Catalog | None) -> Entry:
    """The existing header with the template's creation date, or the template's header."""
    if existing is None:
        return _copied(template.header)
    header = _copied(existing.header)
    date = template.metadata.get(POT_CREATION_DATE)
    if date is not None:
        header.msgstr = _with_header_field(header.msgstr, POT_CREATION_DATE, date)
    return header


def _with_header_field(msgstr: str, name: str, value: str) -> str:
    """Header text with one field set, in place if present, else after the project fields."""
    lines = msgstr.split("\n")
    for index, line in enumerate(lines):
        if line.partition(":")[0].strip() == name:
            lines[index] = f"{name}: {value}"
            return "\n".join(lines)
    project_fields = ("Project-Id-Version", "Report-Msgid-Bugs-To")
    position = 0
    for index, line in enumerate(lines):
        if line.partition(":")[0].strip() in project_fields:
            position = index + 1
    lines.insert(position, f"{name}: {value}")
    return "\n".join(lines)


def similarity(a: str, b: str) -> float:
    """msgmerge's similarity of two msgids: 2 * longest common subsequence / total length.

    >>> similarity("colour", "color")
    0.9090909090909091
    """
    return _Query(a).ratio(b)


class _Query:
    """One msgid prepared for many comparisons (bit-parallel LCS, Hyyrö 2004)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._full = (1 << len(text)) - 1
        self._masks: dict[str, int] = {}
        for position, char in enumerate(text):
            self._masks[char] = self._masks.get(char, 0) | (1 << position)
        self.char_counts = _packed_char_counts(text)

    def upper_bound(self, other: str) -> float:
        """A cheap ceiling on ``ratio(other)``: all of the shorter string matched."""
        total = len(self.text) + len(other)
        return 2 * min(len(self.text), len(other)) / total if total else 1.0

    def shared_chars_bound(self, other: str, other_counts: int | None) -> float:
        """A closer ceiling on ``ratio(other)``: a common subsequence holds each character at most as
        often as both strings do. ``other_counts`` is ``_packed_char_counts(other)``."""
        total = len(self.text) + len(other)
        if self.char_counts is None or other_counts is None or not total:
            return 1.0
        return 2 * _shared_count(self.char_counts, other_counts) / total

    def ratio(self, other: str) -> float:
        total = len(self.text) + len(other)
        return 2 * self._lcs_length(other) / total if total else 1.0

    def _lcs_length(self, other: str) -> int:
        # Each zero bit left in ``row`` marks one character of the common subsequence.
        full, masks, row = self._full, self._masks, self._full
        for char in other:
            matched = row & masks.get(char, 0)
            row = ((row + matched) | (row - matched)) & full
        return len(self.text) - row.bit_count()


def _packed_char_counts(text: str) -> int | None:
    """How often each character occurs, in the 16-bit fields of one integer; None if a count could overflow.

    Characters are folded into ``_CHAR_SLOTS`` fields by code point. Folding only adds counts up, so
    the shared count of two strings stays an upper bound of their common subsequence.
    """
    if len(text) >= 1 << (_COUNT_BITS - 1):
        return None
    fields = array("H", bytes(_CHAR_SLOTS * 2))
    for char, count in Counter(text).items():
        fields[ord(char) % _CHAR_SLOTS] += count
    return int.from_bytes(fields.tobytes(), sys.byteorder)


def _shared_count(first: int, second: int) -> int:
    """The sum over fields of the smaller count, computed on all fields at once."""
    # Each field's top bit is free (counts stay below it): set it, and after the subtraction it
    # tells whether the first count was at least the second, without a borrow between fields.
    difference = (first | _FIELD_TOP_BITS) - second
    first_not_less = ((difference & _FIELD_TOP_BITS) >> (_COUNT_BITS - 1)) * _FIELD_MASK
    smaller = (second & first_not_less) | (first & ~first_not_less)
    return sum(array("H", smaller.to_bytes(_CHAR_SLOTS * 2, sys.byteorder)))


def _trigrams(text: str) -> set[str]:
    """Character trigrams, padded so that even a one-letter msgid has some."""
    padded = f"\x02{text}\x03"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class _FuzzyIndex:
    """Near-match search over old translations: trigram shortlist, then the precise ratio.

    Each trigram's postings are a bitset over the pool; the number of query trigrams an old
    msgid shares is summed in bit-sliced counters, so a query costs a few dozen big-integer
    operations instead of one dictionary update per posting.
    """

    def __init__(self, pool: list[Entry]) -> None:
        self._pool = pool
        postings: dict[str, list[int]] = defaultdict(list)
        for index, entry in enumerate(pool):
            for gram in _trigrams(entry.msgid):
                postings[gram].append(index)
        self._frequency = {gram: len(indexes) for gram, indexes in postings.items()}
        self._bits = {gram: _bitset(indexes) for gram, indexes in postings.items()}
        # Filled as candidates come up: most of the pool is never a candidate.
        self._char_counts: dict[int, int | None] = {}

    def best_matches(self, entries: list[Entry], *, jobs: int = 1) -> list[Entry | None]:
        """``best_match`` of each entry; many entries are shared among ``jobs`` processes."""
        jobs = min(jobs, len(entries) // _QUERIES_PER_PROCESS)
        if jobs < 2 or not can_fork():
            return [self.best_match(entry) for entry in entries]
        cuts = [len(entries) * index // jobs for index in range(jobs + 1)]
        with ExitStack() as stack:
            workers = [
                stack.enter_context(ForkedWork(partial(self._send_positions, entries[start:end])))
                for start, end in zip(cuts[1:], cuts[2:])
            ]
            matches = [self.best_match(entry) for entry in entries[: cuts[1]]]
            for worker in workers:
                positions = marshal.loads(worker.result().read())
                matches.extend(None if position is None else self._pool[position] for position in positions)
        return matches

    def _send_positions(self, entries: list[Entry], stream: BinaryIO) -> None:
        stream.write(marshal.dumps([self._best_position(entry) for entry in entries]))

    def best_match(self, entry: Entry) -> Entry | None:
        """The most similar old entry at or above the threshold, or None."""
        position = self._best_position(entry)
        return None if position is None else self._pool[position]

    def _best_position(self, entry: Entry) -> int | None:
        """Where in the pool ``best_match`` is."""
        query = _Query(entry.msgid)
        best: int | None = None
        best_score = FUZZY_THRESHOLD - SAME_CONTEXT_BONUS
        for index in self._shortlist(entry.msgid):
            candidate = self._pool[index]
            bonus = SAME_CONTEXT_BONUS if candidate.msgctxt == entry.msgctxt else 0.0
            if query.upper_bound(candidate.msgid) + bonus <= best_score:
                continue
            # The first candidate is most often the best: the closer ceiling pays once there is a score
            # to beat.
            if best is not None:
                ceiling = query.shared_chars_bound(candidate.msgid, self._counts_of(index))
                if ceiling + bonus <= best_score:
                    continue
            ratio = query.ratio(candidate.msgid)
            if ratio >= FUZZY_THRESHOLD and ratio + bonus > best_score:
                best, best_score = index, ratio + bonus
        return best

    def _counts_of(self, index: int) -> int | None:
        if index not in self._char_counts:
            self._char_counts[index] = _packed_char_counts(self._pool[index].msgid)
        return self._char_counts[index]

    def _shortlist(self, msgid: str) -> list[int]:
        """Pool positions sharing the most of the msgid's rarest trigrams, best first.

        Ties go to the position seen first: in an earlier (rarer) trigram, then the lower index.
        """
        grams = self._rarest_grams(msgid)
        if not grams:
            return []
        counters = _BitCounters()
        for bits in grams:
            counters.add(bits)
        top = counters.highest()
        # A near match shares most rare trigrams; one sharing under half of the best's is noise.
        floor = (top + 1) // 2
        ranked: list[int] = []
        for shared in range(top, max(floor, 1) - 1, -1):
            ranked.extend(_first_seen(counters.equal_to(shared), grams, SHORTLIST_SIZE - len(ranked)))
            if len(ranked) == SHORTLIST_SIZE:
                break
        return ranked

    def _rarest_grams(self, msgid: str) -> list[int]:
        """Bitsets of the query's rarest trigrams, rarest first, within the postings budget."""
        frequency = self._frequency
        # By frequency, then by trigram: a stable sort by frequency of the trigrams in order.
        rarest = sorted(sorted(_trigrams(msgid) & frequency.keys()), key=frequency.__getitem__)
        grams = []
        spent = 0
        for gram in rarest[:QUERY_TRIGRAMS]:
            spent += frequency[gram]
            if spent > POSTINGS_BUDGET:
                break
            grams.append(self._bits[gram])
        return grams


def _bitset(indexes: list[int]) -> int:
    """An integer with bit ``i`` set for each index."""
    # Set in a byte array, then converted once: or-ing into an integer would copy it for every index.
    bits = bytearray(indexes[-1] // 8 + 1)
    for index in indexes:
        bits[index >> 3] |= 1 << (index & 7)
    return int.from_bytes(bits, "little")


class _BitCounters:
    """Per-position counts held bit-sliced: ``planes[k]`` has the k-th bit of every count."""

    def __init__(self) -> None:
        self.planes: list[int] = []
        self.seen = 0

    def add(self, bits: int) -> None:
        """Add one to the count of every position set in ``bits`` (a ripple-carry adder)."""
        self.seen |= bits
        carry = bits
        planes = self.planes
        for level, plane in enumerate(planes):
            planes[level], carry = plane ^ carry, plane & carry
            if not carry:
                return
        planes.append(carry)

    def highest(self) -> int:
        """The largest count of any position."""
        candidates, top = self.seen, 0
        for level in range(len(self.planes) - 1, -1, -1):
            if candidates & self.planes[level]:
                candidates &= self.planes[level]
                top |= 1 << level
        return top

    def equal_to(self, value: int) -> int:
        """The positions whose count is exactly ``value`` (at least 1)."""
        matching = self.seen
        for level, plane in enumerate(self.planes):
            matching &= plane if value >> level & 1 else ~plane
        return matching


def _first_seen(positions: int, grams: list[int], limit: int) -> Iterator[int]:
    """Up to ``limit`` set positions, in the order a scan of ``grams`` (each ascending) meets them."""
    for bits in grams:
        hit = positions & bits
        while hit and limit:
            lowest = hit & -hit
            yield lowest.bit_length() - 1
            hit ^= lowest
            positions ^= lowest
            limit -= 1
        if not positions or not limit:
            return
