"""The in-memory gettext catalog: entries and header, in PO terms.

Reading and writing live in ``pofile`` (PO/POT) and ``mofile`` (MO); every other stage
works on these objects only.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


# Slots: a catalog holds hundreds of thousands of entries, and a per-instance __dict__ would
# cost more than most of the strings they hold.
@dataclass(slots=True)
class Entry:
    """One PO entry. State is derived from flags, as in gettext."""

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    extracted_comments: list[str] = field(default_factory=list)
    translator_comments: list[str] = field(default_factory=list)
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    line: int = 0

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        """Translated and usable: not fuzzy, not obsolete, every form filled."""
        if self.obsolete or self.fuzzy:
            return False
        if self.msgid_plural is not None:
            return bool(self.msgstr_plural) and all(self.msgstr_plural.values())
        return bool(self.msgstr)

    @property
    def has_translation(self) -> bool:
        """Holds some translation, fuzzy or not."""
        if self.msgid_plural is not None:
            return any(self.msgstr_plural.values())
        return bool(self.msgstr)

    def as_fields(self) -> tuple:
        """The fields in declaration order, as plain values: ``Entry(*entry.as_fields())`` is an equal entry."""
        return (
            self.msgid, self.msgstr, self.msgctxt, self.msgid_plural, self.msgstr_plural, self.flags,
            self.references, self.extracted_comments, self.translator_comments, self.previous_msgctxt,
            self.previous_msgid, self.previous_msgid_plural, self.obsolete, self.line,
        )

    def set_flag(self, flag: str, on: bool = True) -> None:
        if on and flag not in self.flags:
            self.flags.append(flag)
        elif not on and flag in self.flags:
            self.flags.remove(flag)


@dataclass(slots=True)
class Catalog:
    """A PO or POT file: the header entry (msgid "") and the entries in file order."""

    header: Entry = field(default_factory=lambda: Entry(msgid=""))
    entries: list[Entry] = field(default_factory=list)
    path: str | None = None

    @property
    def metadata(self) -> dict[str, str]:
        """Header fields in file order (``Language``, ``Plural-Forms``, ...)."""
        fields: dict[str, str] = {}
        for line in self.header.msgstr.split("\n"):
            name, sep, value = line.partition(":")
            if sep and name.strip():
                fields[name.strip()] = value.strip()
        return fields

    def set_metadata(self, fields: dict[str, str]) -> None:
        self.header.msgstr = "".join(f"{name}: {value}\n" for name, value in fields.items())

    @property
    def language(self) -> str | None:
        return self.metadata.get("Language") or None

    @property
    def live_entries(self) -> list[Entry]:
        return [entry for entry in self.entries if not entry.obsolete]

    @property
    def obsolete_entries(self) -> list[Entry]:
        return [entry for entry in self.entries if entry.obsolete]


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a bulk step over a catalog.

    Entries hold no reference cycles, so on a catalog of millions of objects the collector would only
    rescan the heap again and again while reading, merging or writing it.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
