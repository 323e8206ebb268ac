"""Read and write PO/POT files: a fast line parser with file:line errors, GNU-identical output."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import BinaryIO

from l10n_pipeline.catalog import Catalog, Entry, cycle_collector_paused
from l10n_pipeline.errors import CatalogError
from l10n_pipeline.forked import ForkedWork, can_fork
from l10n_pipeline.powrap import format_references, format_string

__all__ = ["PoSlice", "PoStream", "PossibleDuplicate", "format_po", "parse_po", "po_slices", "read_po", "stream_po", "validate_language", "write_po"]

_ESCAPES = {
    "\\": "\\", '"': '"', "n": "\n", "t": "\t", "r": "\r",
    "a": "\a", "b": "\b", "f": "\f", "v": "\v",
}
_ESCAPE_RE = re.compile(r'\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|(.)|$)|"', re.DOTALL)
_NPLURALS_RE = re.compile(r"nplurals\s*=\s*(\d+)")
_CHARSET_RE = re.compile(r"charset\s*=\s*([^\s;]+)", re.IGNORECASE)
_KEYWORDS = ("msgctxt", "msgid", "msgid_plural", "msgstr")
_EXCERPT = 40
_BLOCK_BYTES = 1 << 20
# Entries formatted per chunk written: large enough for few writes, small enough to cost no memory.
_CHUNK_ENTRIES = 1000
# Each process formats at least this many entries: for fewer, a worker costs more than it saves.
_ENTRIES_PER_PROCESS = 10_000


def read_po(path: str | os.PathLike[str]) -> Catalog:
    """Read a UTF-8 PO/POT file; raise CatalogError naming file and line on any defect."""
    name = str(path)
    # Two passes over the file, block by block: the whole text is never held in memory.
    _check_raw_file(path, name)
    catalog = _parse_lines(_file_lines(path, name), name, lambda: Path(path).read_text("utf-8"))
    catalog.path = name
    return catalog


@dataclass(frozen=True)
class PoSlice:
    """A run of whole entries of a PO file: bytes ``start`` to ``end``, starting on line ``first_line``."""

    start: int
    end: int
    first_line: int


@dataclass
class PoStream:
    """A slice's entries, read one at a time, and the header of the file they belong to.

    ``keys`` fills with each live entry's (msgctxt, msgid) as the entries are read, so a caller
    can find the same key in two slices.
    """

    header: Entry
    entries: Iterator[Entry]
    keys: dict[tuple[str | None, str], int]


class PossibleDuplicate(CatalogError):
    """Two keys of a streamed slice hash alike; ``read_po`` tells whether they are equal."""


# An entry starts after a blank line that ends the previous entry's last string.
_ENTRY_BOUNDARY = re.compile(rb'"\n\n(?=#|msgid "|msgctxt ")')


def po_slices(path: str | os.PathLike[str], count: int) -> list[PoSlice]:
    """Up to ``count`` slices of about equal size, cut only between entries."""
    size = os.path.getsize(path)
    cuts = [0]
    with open(path, "rb") as stream:
        for part in range(1, count):
            cut = _boundary_after(stream, max(size * part // count, cuts[-1] + 1))
            if cut is None:
                break
            if cut > cuts[-1]:
                cuts.append(cut)
        slices = []
        stream.seek(0)
        lines_before, position = 0, 0
        for start, end in zip(cuts, cuts[1:] + [size]):
            lines_before += _newlines(stream, position, start)
            position = start
            slices.append(PoSlice(start, end, lines_before + 1))
    return slices


def _boundary_after(stream: BinaryIO, position: int) -> int | None:
    """The start of the first entry that begins at or after byte ``position``."""
    stream.seek(position)
    carried = b""
    while block := stream.read(_BLOCK_BYTES):
        window = carried + block
        found = _ENTRY_BOUNDARY.search(window)
        if found:
            return position - len(carried) + found.end()
        carried = window[-16:]
        position += len(block)
    return None


def _newlines(stream: BinaryIO, start: int, end: int) -> int:
    stream.seek(start)
    count = 0
    while start < end and (block := stream.read(min(_BLOCK_BYTES, end - start))):
        count += block.count(b"\n")
        start += len(block)
    return count


def stream_po(path: str | os.PathLike[str], piece: PoSlice | None = None, *, keep_keys: bool = True) -> PoStream:
    """Read one slice (default: the whole file) entry by entry, with the checks of ``read_po``.

    Two slices can share a key, which only a look at every slice's ``keys`` finds. Without
    ``keep_keys`` keys are compared by hash and ``keys`` stays empty. The error raised may not be
    the first of the file: read the whole file with ``read_po`` to place it.
    """
    if piece is None:
        piece = PoSlice(0, os.path.getsize(path), 1)
    name = str(path)
    heading = _PoParser(name).entries(_file_lines(path, name))
    first = next(heading, None)
    heading.close()
    catalog = _with_header([first] if first is not None else [], name)
    _check_charset(catalog, lambda: Path(path).read_text("utf-8"), name)
    parser = _PoParser(name) if keep_keys else _KeyHashingParser(name)
    entries = parser.entries(_range_lines(path, name, piece), piece.first_line)
    if piece.start == 0:
        next(entries, None)  # the header, read above
    return PoStream(catalog.header, _with_plural_counts(entries, catalog, name), parser.seen)


def _range_lines(path: str | os.PathLike[str], name: str, piece: PoSlice) -> Iterator[str]:
    """The slice's lines, checked for what ``_check_raw_file`` rejects, a block at a time."""
    lines_before = piece.first_line - 1
    with open(path, "rb") as stream:
        stream.seek(piece.start)
        for block in _line_blocks(stream, piece.end - piece.start):
            if piece.start == 0 and lines_before == 0 and block.startswith(b"\xef\xbb\xbf"):
                raise _bom_error(name)
            text = _decoded(block, name, lines_before)
            if "\r" in text:
                raise _carriage_error(name, lines_before + text.count("\n", 0, text.find("\r")) + 1)
            if "\0" in text:
                raise _nul_error(name, lines_before + text.count("\n", 0, text.find("\0")) + 1)
            lines = text.split("\n")
            if block.endswith(b"\n"):
                lines.pop()
            lines_before += len(lines)
            yield from lines


def _with_plural_counts(entries: Iterator[Entry], catalog: Catalog, path: str) -> Iterator[Entry]:
    """``entries``, each checked as ``_check_plural_counts`` checks a whole catalog."""
    match = _NPLURALS_RE.search(catalog.metadata.get("Plural-Forms", ""))
    if not match:
        yield from entries
        return
    expected = int(match.group(1))
    for entry in entries:
        _check_plural_count(entry, expected, path)
        yield entry


def parse_po(text: str, path: str = "<string>") -> Catalog:
    """Parse PO text into a Catalog; the first entry must be the header (msgid "")."""
    _check_raw_text(text, path)
    return _parse_lines(text.split("\n"), path, lambda: text)


def _parse_lines(lines: Iterable[str], path: str, source: Callable[[], str]) -> Catalog:
    """Parse and check the catalog; ``source`` gives the whole text, needed only to place some errors."""
    with cycle_collector_paused():
        entries = _PoParser(path).parse(lines)
    catalog = _with_header(entries, path)
    _check_charset(catalog, source, path)
    _check_plural_counts(catalog, path)
    return catalog


def _check_raw_file(path: str | os.PathLike[str], name: str) -> None:
    """Reject a BOM, invalid UTF-8, CR line ends and NUL bytes, in that order, as ``_check_raw_text``."""
    first_carriage = first_nul = 0
    lines_before = 0
    with open(path, "rb") as stream:
        for block in _line_blocks(stream):
            if lines_before == 0 and block.startswith(b"\xef\xbb\xbf"):
                raise _bom_error(name)
            _decoded(block, name, lines_before)
            if not first_carriage:
                first_carriage = _line_of(block, b"\r", lines_before)
            if not first_nul:
                first_nul = _line_of(block, b"\0", lines_before)
            lines_before += block.count(b"\n")
    if first_carriage:
        raise _carriage_error(name, first_carriage)
    if first_nul:
        raise _nul_error(name, first_nul)


def _file_lines(path: str | os.PathLike[str], name: str) -> Iterator[str]:
    """The file's lines as ``text.split("\\n")`` gives them, decoded one block at a time."""
    lines_before = 0
    with open(path, "rb") as stream:
        for block in _line_blocks(stream):
            lines = _decoded(block, name, lines_before).split("\n")
            if block.endswith(b"\n"):
                lines.pop()
            lines_before += len(lines)
            yield from lines


def _line_blocks(stream: BinaryIO, limit: int | None = None) -> Iterator[bytes]:
    """The stream (its next ``limit`` bytes) in blocks that end after a newline; the last block, maybe empty, holds the rest."""
    rest = b""
    while block := stream.read(_BLOCK_BYTES if limit is None else min(_BLOCK_BYTES, limit)):
        if limit is not None:
            limit -= len(block)
        if rest:
            block = rest + block
        cut = block.rfind(b"\n") + 1
        rest = block[cut:]
        if cut:
            yield block[:cut]
    yield rest


def _decoded(block: bytes, path: str, lines_before: int) -> str:
    """A block as text; newlines never fall inside a UTF-8 sequence, so blocks decode alone."""
    try:
        return block.decode("utf-8")
    except UnicodeDecodeError as error:
        line = lines_before + block.count(b"\n", 0, error.start) + 1
        raise CatalogError(
            f"invalid UTF-8 byte 0x{block[error.start]:02x}",
            path=path, line=line, hint="save the file as UTF-8",
        ) from None


def _line_of(block: bytes, byte: bytes, lines_before: int) -> int:
    """The line of the first ``byte`` in the block, or 0 if it holds none."""
    position = block.find(byte)
    return lines_before + block.count(b"\n", 0, position) + 1 if position >= 0 else 0


def validate_language(catalog: Catalog) -> str:
    """The header's Language as a normalised locale id (``pt_BR``); CatalogError if absent or unknown."""
    from babel import Locale, UnknownLocaleError  # imported here: reading and writing PO never need it

    where = {"path": catalog.path, "line": catalog.header.line or None}
    language = catalog.language
    if not language:
        raise CatalogError(
            "header has no Language field", **where,
            hint='add "Language: <locale>\\n" to the header msgstr, e.g. Language: az',
        )
    try:
        return str(Locale.parse(language.replace("-", "_")))
    except (UnknownLocaleError, ValueError):
        raise CatalogError(
            f"unknown Language {_excerpt(language)!r} in header", **where,
            hint="use a CLDR locale id such as az, ru, tr, ur or pt_BR",
        ) from None


def format_po(catalog: Catalog, width: int = 79) -> str:
    """The PO text, laid out exactly as GNU gettext (msgcat) writes it."""
    with cycle_collector_paused():
        return "".join(_po_chunks(catalog.header, _in_file_order(catalog.entries), width))


def write_po(catalog: Catalog, stream: BinaryIO, width: int = 79, *, jobs: int = 1) -> None:
    """Write ``format_po``'s text to a binary stream as UTF-8, a chunk of entries at a time.

    With ``jobs`` above 1 a large catalog is formatted in that many processes, each taking a run of
    entries; the bytes written are the same.
    """
    jobs = min(jobs, len(catalog.entries) // _ENTRIES_PER_PROCESS)
    with cycle_collector_paused():
        if jobs > 1 and can_fork():
            _write_in_parallel(catalog, stream, width, jobs)
            return
        for chunk in _po_chunks(catalog.header, _in_file_order(catalog.entries), width):
            stream.write(chunk.encode("utf-8"))


def _write_in_parallel(catalog: Catalog, stream: BinaryIO, width: int, jobs: int) -> None:
    """The first run of entries formatted here while forked workers format the others."""
    entries = list(_in_file_order(catalog.entries))
    cuts = [len(entries) * index // jobs for index in range(1, jobs)] + [len(entries)]
    with ExitStack() as workers:
        runs = [
            workers.enter_context(ForkedWork(partial(_write_entries, entries[start:end], width)))
            for start, end in zip(cuts, cuts[1:])
        ]
        for chunk in _po_chunks(catalog.header, entries[: cuts[0]], width):
            stream.write(chunk.encode("utf-8"))
        for run in runs:
            shutil.copyfileobj(run.result(), stream, _BLOCK_BYTES)


def _write_entries(entries: list[Entry], width: int, stream: BinaryIO) -> None:
    for chunk in _po_chunks(None, entries, width):
        stream.write(chunk.encode("utf-8"))


def _po_chunks(header: Entry | None, entries: Iterable[Entry], width: int) -> Iterator[str]:
    """The PO text in pieces of ``_CHUNK_ENTRIES`` entries: the whole text is never built at once."""
    out: list[str] = []
    if header is not None:
        _format_entry(out, header, width)
    for count, entry in enumerate(entries, 1):
        out.append("\n")
        _format_entry(out, entry, width)
        if count % _CHUNK_ENTRIES == 0:
            yield "".join(out)
            out.clear()
    yield "".join(out)


def _in_file_order(entries: list[Entry]) -> Iterator[Entry]:
    """Live entries first, then obsolete ones, each in their catalog order."""
    yield from (entry for entry in entries if not entry.obsolete)
    yield from (entry for entry in entries if entry.obsolete)


def _format_entry(out: list[str], entry: Entry, width: int) -> None:
    for comment in entry.translator_comments:
        out.append(_comment_lines("#", comment))
    for comment in entry.extracted_comments:
        out.append(_comment_lines("#.", comment))
    if entry.references:
        format_references(out, entry.references, width)
    if entry.flags:
        out.append(f"#, {', '.join(entry.flags)}\n")
    wrap_width = 1 << 30 if "no-wrap" in entry.flags else width
    previous = "#~| " if entry.obsolete else "#| "
    prefix = "#~ " if entry.obsolete else ""
    if entry.previous_msgctxt is not None:
        format_string(out, previous, "msgctxt", entry.previous_msgctxt, wrap_width)
    if entry.previous_msgid is not None:
        format_string(out, previous, "msgid", entry.previous_msgid, wrap_width)
    if entry.previous_msgid_plural is not None:
        format_string(out, previous, "msgid_plural", entry.previous_msgid_plural, wrap_width)
    if entry.msgctxt is not None:
        format_string(out, prefix, "msgctxt", entry.msgctxt, wrap_width)
    format_string(out, prefix, "msgid", entry.msgid, wrap_width)
    if entry.msgid_plural is None:
        format_string(out, prefix, "msgstr", entry.msgstr, wrap_width)
        return
    format_string(out, prefix, "msgid_plural", entry.msgid_plural, wrap_width)
    forms = entry.msgstr_plural or {0: "", 1: ""}
    for index in sorted(forms):
        format_string(out, prefix, f"msgstr[{index}]", forms[index], wrap_width)


def _comment_lines(mark: str, comment: str) -> str:
    """GNU writes ``#`` alone for an empty comment and ``# text`` otherwise, one line per line."""
    return "".join(f"{mark} {line}\n" if line else f"{mark}\n" for line in comment.split("\n"))


class _PoParser:
    """One pass over the lines; fields of the entry being read are kept as lists of string parts."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.seen: dict[tuple[str | None, str], int] = {}

    def parse(self, lines: Iterable[str]) -> list[Entry]:
        return list(self.entries(lines))

    def entries(self, lines: Iterable[str], first_line: int = 1) -> Iterator[Entry]:
        """Yield entries as they complete; the hot loop keeps everything in locals and dispatches on the first chars."""
        path = self.path
        finish = self._finish
        fields: dict[str | int, list[str]] = {}
        comments = _Comments()
        parts: list[str] | None = None
        complete = False
        obsolete = False
        id_line = 0
        lineno = 0
        for lineno, line in enumerate(lines, first_line):
            if not line:
                parts = None
                continue
            first = line[0]
            if first == "m" and line[-1] == '"':
                if line.startswith('msgid "') and len(line) > 7:
                    if complete:
                        yield finish(fields, comments, obsolete, id_line)
                        fields, comments, complete = {}, _Comments(), False
                    elif "msgid" in fields:
                        raise self._no_msgstr(id_line)
                    value = line[7:-1]
                    if "\\" in value or '"' in value:
                        value = _unescape(value, path, lineno)
                    parts = fields["msgid"] = [value]
                    id_line = lineno
                    obsolete = False
                    continue
                if line.startswith('msgstr "') and len(line) > 8 and "msgid" in fields and not complete:
                    if "msgid_plural" in fields:
                        raise self._plain_msgstr_on_plural(lineno)
                    value = line[8:-1]
                    if "\\" in value or '"' in value:
                        value = _unescape(value, path, lineno)
                    parts = fields["msgstr"] = [value]
                    complete = True
                    continue
            elif first == '"':
                if parts is None:
                    raise self._outside(line, lineno)
                if line[-1] == '"' and len(line) > 1:
                    value = line[1:-1]
                    if "\\" in value or '"' in value:
                        value = _unescape(value, path, lineno)
                else:
                    value = _string_value(line, path, lineno)
                parts.append(value)
                continue
            elif first == "#":
                second = line[1:2]
                if second != "~" and second != "|":
                    if complete:
                        yield finish(fields, comments, obsolete, id_line)
                        fields, comments, complete = {}, _Comments(), False
                    elif "msgid" in fields:
                        raise self._no_msgstr(id_line)
                    comments.add(line)
                    parts = None
                    continue
            # Rare lines: obsolete (#~), previous (#|), plurals, msgctxt, indented lines and errors.
            previous = False
            obsolete_line = False
            if first == "#":
                obsolete_line = line[1] == "~"
                line = line[2:].lstrip(" \t")
                if obsolete_line and line[:1] == "|":
                    previous = True
                    line = line[1:].lstrip(" \t")
                elif not obsolete_line:
                    previous = True
            elif first == " " or first == "\t":
                line = line.strip()
            if not line:
                parts = None
                continue
            if line[0] == '"':
                if parts is None:
                    raise self._outside(line, lineno)
                parts.append(_string_value(line, path, lineno))
                continue
            space = line.find(" ")
            if space < 0:
                space = len(line)
            keyword = line[:space]
            value = _string_value(line[space:].lstrip(" \t"), path, lineno, keyword)
            starts_entry = previous or keyword == "msgctxt" or keyword == "msgid"
            if starts_entry and complete:
                yield finish(fields, comments, obsolete, id_line)
                fields, comments, complete = {}, _Comments(), False
            key = self._field_key(keyword, previous, fields, complete, lineno, id_line)
            if key == "msgid":
                id_line = lineno
                obsolete = obsolete_line
            elif key == "msgstr" or isinstance(key, int):
                complete = True
            parts = fields[key] = [value]
        if complete:
            yield finish(fields, comments, obsolete, id_line)
        elif fields:
            raise self._no_msgstr(id_line or lineno)

    def _field_key(self, keyword: str, previous: bool, fields: dict[str | int, list[str]],
                   complete: bool, lineno: int, id_line: int) -> str | int:
        """Where a keyword's string goes, after checking it may appear here."""
        path = self.path
        if previous:
            if keyword not in ("msgctxt", "msgid", "msgid_plural"):
                raise self._keyword_error(keyword, lineno, previous=True)
            key = "previous_" + keyword
            if key in fields:
                raise CatalogError(f"duplicate #| {keyword}", path=path, line=lineno,
                                   hint="keep one previous string per entry")
            return key
        if keyword == "msgid" or keyword == "msgctxt":
            if "msgid" in fields:
                raise self._no_msgstr(id_line)
            if keyword in fields:
                raise CatalogError(f"duplicate {keyword}", path=path, line=lineno,
                                   hint=f"keep one {keyword} per entry")
            return keyword
        if keyword == "msgstr":
            if "msgid" not in fields:
                raise self._before_msgid(keyword, lineno)
            if "msgid_plural" in fields:
                raise self._plain_msgstr_on_plural(lineno)
            if complete:
                raise self._before_msgid(keyword, lineno)
            return keyword
        if keyword == "msgid_plural":
            if "msgid" not in fields or complete:
                raise self._before_msgid(keyword, lineno)
            if keyword in fields:
                raise CatalogError("duplicate msgid_plural", path=path, line=lineno,
                                   hint="keep one msgid_plural per entry")
            return keyword
        if keyword.startswith("msgstr["):
            return self._plural_index(keyword, fields, lineno)
        raise self._keyword_error(keyword, lineno, previous=False)

    def _finish(self, fields: dict[str | int, list[str]], comments: _Comments,
                obsolete: bool, id_line: int) -> Entry:
        """Turn the fields read so far into an Entry; live duplicates are an error."""
        joined = {key: parts[0] if len(parts) == 1 else "".join(parts) for key, parts in fields.items()}
        get = joined.get
        plurals = {key: text for key, text in joined.items() if isinstance(key, int)} if "msgid_plural" in joined else {}
        entry = Entry(
            joined["msgid"], get("msgstr", ""), get("msgctxt"), get("msgid_plural"), plurals,
            comments.flags, comments.references, comments.extracted, comments.translator,
            get("previous_msgctxt"), get("previous_msgid"), get("previous_msgid_plural"),
            obsolete, id_line,
        )
        if not obsolete:
            self._remember(entry, id_line)
        return entry

    def _remember(self, entry: Entry, id_line: int) -> None:
        """Note the entry's key; raise if a live entry before it had the same one."""
        first_line = self.seen.setdefault(entry.key, id_line)
        if first_line != id_line:
            context = f" (msgctxt {_excerpt(entry.msgctxt)!r})" if entry.msgctxt is not None else ""
            raise CatalogError(
                f"duplicate msgid {_excerpt(entry.msgid)!r}{context}, first defined at line {first_line}",
                path=self.path, line=id_line,
                hint="merge the two entries or give them different msgctxt",
            )


    def _plural_index(self, keyword: str, fields: dict[str | int, list[str]], lineno: int) -> int:
        digits = keyword[7:-1] if keyword.endswith("]") else ""
        if not digits.isdigit():
            raise self._keyword_error(keyword, lineno, previous=False)
        if "msgid" not in fields:
            raise self._before_msgid("msgstr", lineno)
        if "msgid_plural" not in fields:
            raise CatalogError(f"{keyword} on an entry without msgid_plural", path=self.path, line=lineno,
                               hint="use a plain msgstr, or add msgid_plural to the entry")
        index = int(digits)
        if index in fields:
            raise CatalogError(f"duplicate {keyword}", path=self.path, line=lineno,
                               hint="number the plural forms msgstr[0], msgstr[1], ... once each")
        return index

    def _plain_msgstr_on_plural(self, lineno: int) -> CatalogError:
        return CatalogError("plain msgstr on an entry with msgid_plural", path=self.path, line=lineno,
                            hint="write msgstr[0], msgstr[1], ... instead")

    def _outside(self, line: str, lineno: int) -> CatalogError:
        return CatalogError(f"text outside any entry: {_excerpt(line)!r}", path=self.path, line=lineno,
                            hint="continuation strings must follow a msgid, msgstr or msgctxt line")

    def _no_msgstr(self, lineno: int) -> CatalogError:
        return CatalogError("entry has no msgstr", path=self.path, line=lineno,
                            hint='add msgstr "" after the msgid')

    def _before_msgid(self, keyword: str, lineno: int) -> CatalogError:
        return CatalogError(f"{keyword} before msgid", path=self.path, line=lineno,
                            hint="every entry needs msgid first; check for a missing or misplaced msgid line")

    def _keyword_error(self, keyword: str, lineno: int, *, previous: bool) -> CatalogError:
        return _unknown_keyword(("#| " if previous else "") + keyword, self.path, lineno)


class _KeyHashingParser(_PoParser):
    """Remembers each key's hash only, so the key texts need not stay in memory.

    Two equal hashes raise ``PossibleDuplicate``: only a read with the keys themselves can say
    whether the keys are equal, and where the first one is.
    """

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.hashes: set[int] = set()

    def _remember(self, entry: Entry, id_line: int) -> None:
        hashed = hash(entry.key)
        if hashed in self.hashes:
            raise PossibleDuplicate("two entries may have the same msgid", path=self.path, line=id_line,
                                    hint="read the whole file to find out")
        self.hashes.add(hashed)


class _Comments:
    """The ``#`` lines before an entry, sorted by kind."""

    __slots__ = ("translator", "extracted", "references", "flags")

    def __init__(self) -> None:
        self.translator: list[str] = []
        self.extracted: list[str] = []
        self.references: list[str] = []
        self.flags: list[str] = []

    def add(self, line: str) -> None:
        second = line[1:2]
        if second == ":":
            self.references.extend(line[2:].split())
        elif second == ".":
            self.extracted.append(_comment_text(line[2:]))
        elif second == ",":
            self.flags.extend(flag for flag in (part.strip() for part in line[2:].split(",")) if flag)
        else:
            self.translator.append(_comment_text(line[1:]))


def _comment_text(text: str) -> str:
    """GNU drops one space after the comment mark."""
    return text[1:] if text[:1] == " " else text


def _string_value(text: str, path: str, lineno: int, keyword: str | None = None) -> str:
    """The value of a quoted PO string (``"..."``), unescaped."""
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        text = text.rstrip()
        if len(text) < 2 or text[0] != '"' or text[-1] != '"':
            raise _string_error(text, path, lineno, keyword)
    content = text[1:-1]
    if "\\" in content or '"' in content:
        return _unescape(content, path, lineno)
    return content


def _string_error(text: str, path: str, lineno: int, keyword: str | None) -> CatalogError:
    if keyword is not None and keyword not in _KEYWORDS and not keyword.startswith("msgstr["):
        if text.startswith('"') and keyword.replace("_", "").isalnum():
            return _unknown_keyword(keyword, path, lineno)
        return CatalogError(f"text outside any entry: {_excerpt((keyword + ' ' + text).strip())!r}",
                            path=path, line=lineno, hint="remove the stray text or turn it into a # comment")
    if not text:
        return CatalogError(f"keyword {keyword} without a string", path=path, line=lineno,
                            hint=f'write {keyword} "" for an empty string')
    if text[0] != '"':
        return CatalogError(f"expected a quoted string, found {_excerpt(text)!r}", path=path, line=lineno,
                            hint='strings are written in double quotes: "..."')
    return CatalogError("unterminated string", path=path, line=lineno,
                        hint='close the string with " on the same line')


def _unknown_keyword(keyword: str, path: str, lineno: int) -> CatalogError:
    return CatalogError(f"unknown keyword {_excerpt(keyword)!r}", path=path, line=lineno,
                        hint="expected msgctxt, msgid, msgid_plural, msgstr or msgstr[n]")


def _unescape(content: str, path: str, lineno: int) -> str:
    """Resolve backslash escapes; octal and hex escapes are bytes and must form UTF-8."""
    out: list[str] = []
    pending = bytearray()
    position = 0
    for match in _ESCAPE_RE.finditer(content):
        start = match.start()
        if start > position:
            _flush_bytes(out, pending, path, lineno)
            out.append(content[position:start])
        octal, hexadecimal, char = match.groups()
        if match.group() == '"':
            raise CatalogError("unexpected text after the closing quote", path=path, line=lineno,
                               hint='escape a quote inside a string as \\"')
        if octal or hexadecimal:
            value = int(octal, 8) if octal else int(hexadecimal, 16)
            if value > 0xFF:
                raise _bad_escape(match.group(), path, lineno)
            pending.append(value)
        elif char is None:
            raise CatalogError("unterminated string", path=path, line=lineno,
                               hint='the closing quote is escaped; write \\\\ for a backslash')
        elif char in _ESCAPES:
            _flush_bytes(out, pending, path, lineno)
            out.append(_ESCAPES[char])
        else:
            raise _bad_escape(match.group(), path, lineno)
        position = match.end()
    _flush_bytes(out, pending, path, lineno)
    out.append(content[position:])
    return "".join(out)


def _flush_bytes(out: list[str], pending: bytearray, path: str, lineno: int) -> None:
    if not pending:
        return
    try:
        out.append(pending.decode("utf-8"))
    except UnicodeDecodeError:
        raise CatalogError("octal/hex escapes do not form valid UTF-8", path=path, line=lineno,
                           hint="write the characters themselves instead of byte escapes") from None
    pending.clear()


def _bad_escape(sequence: str, path: str, lineno: int) -> CatalogError:
    return CatalogError(f"bad escape sequence {sequence!r}", path=path, line=lineno,
                        hint='valid escapes are \\\\ \\" \\n \\t \\r \\a \\b \\f \\v, octal and \\xHH')


def _check_raw_text(text: str, path: str) -> None:
    """Reject a BOM, CR line ends and NUL characters before parsing."""
    if text.startswith("\ufeff"):
        raise _bom_error(path)
    carriage = text.find("\r")
    if carriage >= 0:
        raise _carriage_error(path, text.count("\n", 0, carriage) + 1)
    nul = text.find("\0")
    if nul >= 0:
        raise _nul_error(path, text.count("\n", 0, nul) + 1)


def _carriage_error(path: str, line: int) -> CatalogError:
    return CatalogError("CR line ends (CRLF)", path=path, line=line,
                        hint="convert line ends to LF, e.g. with dos2unix")


def _nul_error(path: str, line: int) -> CatalogError:
    return CatalogError("NUL character", path=path, line=line,
                        hint="the file is binary or corrupt; restore it from version control")


def _bom_error(path: str) -> CatalogError:
    return CatalogError("UTF-8 byte order mark at start of file", path=path, line=1,
                        hint="save the file as UTF-8 without BOM")


def _with_header(entries: list[Entry], path: str) -> Catalog:
    """Split off the header entry, which must come first."""
    if not entries:
        raise CatalogError("missing header entry", path=path, line=1,
                           hint='start the file with msgid "" and a msgstr holding the header fields')
    first = entries[0]
    if first.msgid != "" or first.msgctxt is not None or first.obsolete:
        raise CatalogError("missing header entry", path=path, line=first.line,
                           hint='the first entry must be msgid "" with the header fields in its msgstr')
    return Catalog(header=first, entries=entries[1:])


def _check_charset(catalog: Catalog, source: Callable[[], str], path: str) -> None:
    content_type = catalog.metadata.get("Content-Type", "")
    match = _CHARSET_RE.search(content_type)
    if not match:
        return
    charset = match.group(1)
    if charset.lower() in ("utf-8", "utf8") or (charset == "CHARSET" and path.endswith(".pot")):
        return
    raise CatalogError(
        f"header charset is {_excerpt(charset)}",
        path=path, line=_header_field_line(source(), catalog.header.line, "Content-Type"),
        hint="only UTF-8 catalogs are supported; convert with msgconv --to-code=UTF-8",
    )


def _header_field_line(text: str, header_line: int, name: str) -> int:
    """The line holding a header field, found only when an error needs it."""
    lines = text.split("\n")
    for index in range(header_line - 1, len(lines)):
        if lines[index].lstrip('#~ "').startswith(name):
            return index + 1
        if not lines[index].strip():
            break
    return header_line


def _check_plural_counts(catalog: Catalog, path: str) -> None:
    match = _NPLURALS_RE.search(catalog.metadata.get("Plural-Forms", ""))
    if not match:
        return
    expected = int(match.group(1))
    for entry in catalog.live_entries:
        _check_plural_count(entry, expected, path)


def _check_plural_count(entry: Entry, expected: int, path: str) -> None:
    if entry.msgid_plural is not None and not entry.obsolete and sorted(entry.msgstr_plural) != list(range(expected)):
        raise CatalogError(
            f"mismatched plural forms: {len(entry.msgstr_plural)} msgstr[n] but header says nplurals={expected}",
            path=path, line=entry.line,
            hint=f"give the entry msgstr[0] .. msgstr[{expected - 1}]",
        )


def _excerpt(text: str | None) -> str:
    text = text or ""
    return text if len(text) <= _EXCERPT else text[:_EXCERPT] + "..."
