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
    pairs = sorted(_message_pairs(catalog))
    count = len(pairs)
    originals_table = _HEADER_SIZE
    translations_table = originals_table + 8 * count
    data_start = translations_table + 8 * count
    header = struct.pack("<7I", MO_MAGIC, 0, count, originals_table, translations_table, 0, data_start)
    descriptors_original, offset = _descriptors([key for key, _ in pairs], data_start)
    descriptors_translated, _ = _descriptors([value for _, value in pairs], offset)
    return b"".join([header, descriptors_original, descriptors_translated, *_strings(pairs)])


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


def _descriptors(texts: list[bytes], offset: int) -> tuple[bytes, int]:
    """(length, offset) pairs for strings laid out one after another, each NUL-terminated."""
    table = []
    for text in texts:
        table.append(struct.pack("<2I", len(text), offset))
        offset += len(text) + 1
    return b"".join(table), offset


def _strings(pairs: list[tuple[bytes, bytes]]) -> list[bytes]:
    """All keys, then all translations, in table order."""
    keys = [key + b"\0" for key, _ in pairs]
    values = [value + b"\0" for _, value in pairs]
    return keys + values
