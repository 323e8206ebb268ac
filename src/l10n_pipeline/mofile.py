"""Write GNU MO files: the compiled, binary form of a catalog that gettext loads at run time."""

from __future__ import annotations

import struct

from l10n_pipeline.catalog import Catalog, Entry

MO_MAGIC = 0x950412DE
_HEADER_SIZE = 7 * 4
_CONTEXT_SEPARATOR = "\x04"
_PLURAL_SEPARATOR = "\x00"


def format_mo(catalog: Catalog) -> bytes:
    """Little-endian GNU MO holding the header and every translated entry, keys sorted by bytes."""
    pairs = _message_pairs(catalog)
    pairs.sort()
    count = len(pairs)
    originals_table = _HEADER_SIZE
    translations_table = originals_table + 8 * count
    data_start = translations_table + 8 * count
    # One buffer, written in place: the tables first, then every key, then every translation.
    mo = bytearray(data_start)
    struct.pack_into("<7I", mo, 0, MO_MAGIC, 0, count, originals_table, translations_table, 0, data_start)
    for table, side in ((originals_table, 0), (translations_table, 1)):
        for slot, pair in enumerate(pairs):
            text = pair[side]
            struct.pack_into("<2I", mo, table + 8 * slot, len(text), len(mo))
            mo += text
            mo += b"\0"
    return bytes(mo)


def _message_pairs(catalog: Catalog) -> list[tuple[bytes, bytes]]:
    """(key, translation) in UTF-8, as msgfmt stores them; fuzzy, obsolete, untranslated left out."""
    pairs = []
    if catalog.header.msgstr:
        pairs.append((b"", catalog.header.msgstr.encode("utf-8")))
    for entry in catalog.entries:
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
