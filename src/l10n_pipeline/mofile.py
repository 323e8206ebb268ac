"""Write GNU MO files: the compiled, binary form of a catalog that gettext loads at run time."""

from __future__ import annotations

import struct
from collections.abc import Iterable

from l10n_pipeline.catalog import Catalog, Entry

MO_MAGIC = 0x950412DE
_HEADER_SIZE = 7 * 4
_CONTEXT_SEPARATOR = "\x04"
_PLURAL_SEPARATOR = "\x00"


def format_mo(catalog: Catalog) -> bytes:
    """Little-endian GNU MO holding the header and every translated entry, keys sorted by bytes."""
    return bytes(build_mo(mo_messages(catalog)))


def build_mo(messages: list[tuple[bytes, bytes]]) -> bytearray:
    """The MO file for ``mo_messages``' pairs, in one buffer sized up front; empties ``messages``.

    The pairs are released as they are copied in, so the message bytes are held about once.
    """
    messages.sort()
    count = len(messages)
    originals_table = _HEADER_SIZE
    translations_table = originals_table + 8 * count
    data_start = translations_table + 8 * count
    size = data_start + sum(len(key) + len(text) + 2 for key, text in messages)
    mo = bytearray(size)
    struct.pack_into("<7I", mo, 0, MO_MAGIC, 0, count, originals_table, translations_table, 0, data_start)
    keys = [key for key, _text in messages]
    translations = [text for _key, text in messages]
    messages.clear()
    offset = _fill_strings(mo, originals_table, data_start, keys)
    _fill_strings(mo, translations_table, offset, translations)
    return mo


def _fill_strings(mo: bytearray, table: int, offset: int, strings: list[bytes]) -> int:
    """Copy NUL-terminated ``strings`` in from ``offset``, recording (length, offset) in ``table``.

    Empties ``strings`` and returns the offset after the last one.
    """
    for slot, text in enumerate(strings):
        length = len(text)
        struct.pack_into("<2I", mo, table + 8 * slot, length, offset)
        mo[offset : offset + length] = text
        offset += length + 1
    strings.clear()
    return offset


def mo_messages(catalog: Catalog) -> list[tuple[bytes, bytes]]:
    """(key, translation) in UTF-8, as msgfmt stores them; fuzzy, obsolete, untranslated left out."""
    return entry_messages(catalog.header, catalog.entries)


def entry_messages(header: Entry, entries: Iterable[Entry]) -> list[tuple[bytes, bytes]]:
    """``mo_messages`` for entries read one at a time: only their encoded strings are kept."""
    pairs = []
    if header.msgstr:
        pairs.append((b"", header.msgstr.encode("utf-8")))
    for entry in entries:
        if entry.translated:
            pairs.append((_key(entry).encode("utf-8"), _translation(entry).encode("utf-8")))
    return pairs


def _key(entry: Entry) -> str:
    key = entry.msgid
    if entry.msgid_plural is not None:
        key += _PLURAL_SEPARATOR + entry.msgid_plural
    if entry.msgctxt is not None:
        key = entry.msgctxt + _CONTEXT_SEPARATOR + key
    return key


def _translation(entry: Entry) -> str:
    if entry.msgid_plural is None:
        return entry.msgstr
    forms = entry.msgstr_plural
    return _PLURAL_SEPARATOR.join(forms[index] for index in sorted(forms))
