"""Glossary exports for translation tools: TBX-Basic and CSV.

TBX: a TBX v2 ``martif type="TBX-Basic"`` document. Each term is a ``termEntry``; each
language a ``langSet``; each form a ``tig`` whose ``administrativeStatus`` says
``preferredTerm-admn-sts`` (approved form, or the English source), ``admittedTerm-admn-sts``
(a source variant) or ``deprecatedTerm-admn-sts`` (a forbidden form). The note is the
entry's ``descrip type="definition"``. Weblate, OmegaT and memoQ import this directly.

CSV, two shapes:

* every locale (default): ``source,locale,translation,status,note``, one row per form, with
  status ``preferred``, ``forbidden`` or ``do-not-translate``;
* one locale (``locale="az"``): ``source,target,context,developer_comments``, the bilingual
  form Weblate's CSV glossary import reads (approved forms only, the first one per term;
  the others and the forbidden ones go to the comment).

Every field is quoted, so tools that sniff the CSV dialect (translate-toolkit, which
Weblate uses) are not misled by commas and full stops in the notes.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

from .glossary import Glossary, Term, approved_forms, forbidden_forms

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SOURCE_LOCALE = "en"
PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"
TBX_DOCTYPE = '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">'
LONG_CSV_HEADER = ("source", "locale", "translation", "status", "note")
WEBLATE_CSV_HEADER = ("source", "target", "context", "developer_comments")


def to_tbx(glossary: Glossary, source_locale: str = SOURCE_LOCALE) -> str:
    """The glossary as a TBX-Basic document (UTF-8 XML text)."""
    martif = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: source_locale})
    martif.append(_header(glossary))
    body = ET.SubElement(ET.SubElement(martif, "text"), "body")
    for number, term in enumerate(glossary.terms, start=1):
        body.append(_term_entry(term, number, glossary.locales, source_locale))
    ET.indent(martif)
    xml = ET.tostring(martif, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{TBX_DOCTYPE}\n{xml}\n'


def _header(glossary: Glossary) -> ET.Element:
    header = ET.Element("martifHeader")
    source_desc = ET.SubElement(ET.SubElement(header, "fileDesc"), "sourceDesc")
    ET.SubElement(source_desc, "p").text = f"Glossary of names and places ({len(glossary.terms)} terms)"
    encoding = ET.SubElement(header, "encodingDesc")
    ET.SubElement(encoding, "p", {"type": "XCSURI"}).text = "TBXBasicXCSV02.xcs"
    return header


def _term_entry(term: Term, number: int, locales: tuple[str, ...], source_locale: str) -> ET.Element:
    entry = ET.Element("termEntry", {"id": f"term-{number}"})
    if term.note:
        ET.SubElement(entry, "descrip", {"type": "definition"}).text = term.note
    source_forms = [(term.source, PREFERRED)] + [(variant, ADMITTED) for variant in term.variants]
    entry.append(_lang_set(source_locale, source_forms))
    for locale in locales:
        forms = [(form, PREFERRED) for form in approved_forms(term, locale)]
        forms += [(form, DEPRECATED) for form in forbidden_forms(term, locale)]
        if forms:
            entry.append(_lang_set(locale, forms))
    return entry


def _lang_set(locale: str, forms: list[tuple[str, str]]) -> ET.Element:
    lang_set = ET.Element("langSet", {XML_LANG: locale})
    for form, status in forms:
        tig = ET.SubElement(lang_set, "tig")
        ET.SubElement(tig, "term").text = form
        ET.SubElement(tig, "termNote", {"type": "administrativeStatus"}).text = status
    return lang_set


def to_csv(glossary: Glossary, locale: str | None = None) -> str:
    """The glossary as CSV: every locale in long form, or one locale in Weblate's bilingual form."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    if locale is None:
        writer.writerow(LONG_CSV_HEADER)
        writer.writerows(row for term in glossary.terms for row in _long_rows(term, glossary.locales))
    else:
        writer.writerow(WEBLATE_CSV_HEADER)
        writer.writerows(row for term in glossary.terms for row in _weblate_rows(term, locale))
    return buffer.getvalue()


def _long_rows(term: Term, locales: tuple[str, ...]) -> list[tuple[str, str, str, str, str]]:
    note = term.note or ""
    status = "do-not-translate" if term.do_not_translate else "preferred"
    rows = [(term.source, loc, form, status, note) for loc in locales for form in approved_forms(term, loc)]
    rows += [(term.source, loc, form, "forbidden", note) for loc in locales for form in forbidden_forms(term, loc)]
    return rows


def _weblate_rows(term: Term, locale: str) -> list[tuple[str, str, str, str]]:
    forms = approved_forms(term, locale)
    if not forms:
        return []
    comments = [term.note or ""]
    if len(forms) > 1:
        comments.append("Also: " + " / ".join(forms[1:]))
    forbidden = forbidden_forms(term, locale)
    if forbidden:
        comments.append("Never: " + " / ".join(forbidden))
    return [(term.source, forms[0], "", " ".join(c for c in comments if c))]
