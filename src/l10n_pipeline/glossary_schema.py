"""The glossary file's schema: YAML read with the safe loader, every field checked, errors with lines."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml

from .errors import GlossaryError


TERM_FIELDS = ("source", "variants", "translations", "forbidden", "note", "do_not_translate", "case_sensitive")
SCHEMA_HINT = "see the schema at the top of glossary.yaml"
_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
# The C loader builds the same nodes (with their lines) about ten times faster; both resolve only safe tags.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LOCALE = re.compile(r"[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*")


def read_glossary_document(text: str, path: str) -> list[dict[str, Any]]:
    """The ``Term`` fields of every entry of glossary YAML ``text``, validated node by node."""
    root = _compose(text, path)
    if root is None:
        raise GlossaryError("the glossary is empty", path=path, line=1, hint='start it with "terms:"')
    top = _mapping(root, path, "the glossary")
    _only_fields(top, ("terms",), path)
    if "terms" not in top:
        raise GlossaryError('missing "terms"', path=path, line=_line(root), hint="list the terms under terms:")
    entries = _sequence(top["terms"][1], path, '"terms"')
    return [_term_fields(entry, path) for entry in entries]


def _compose(text: str, path: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=SAFE_LOADER)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        problem = err.problem or "YAML syntax error"
        raise GlossaryError(f"invalid YAML: {problem}", path=path, line=line, hint="fix the YAML syntax") from None
    except yaml.YAMLError as err:
        raise GlossaryError(f"invalid YAML: {err}", path=path, hint="fix the YAML syntax") from None


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _fail(node: yaml.Node, path: str, message: str, hint: str = SCHEMA_HINT) -> GlossaryError:
    return GlossaryError(message, path=path, line=_line(node), hint=hint)


def _plain_tag(node: yaml.Node, path: str) -> None:
    """Refuse explicit tags such as !!python/object: the file holds plain data only."""
    if node.tag.startswith("tag:yaml.org,2002:") and node.tag.rsplit(":", 1)[-1] in _SAFE_TAGS:
        return
    shown = node.tag.replace("tag:yaml.org,2002:", "!!")
    raise _fail(node, path, f"YAML tag {shown} is not allowed", "use plain strings, lists and mappings")


_SAFE_TAGS = {"str", "bool", "int", "float", "null", "map", "seq", "timestamp"}


def _mapping(node: yaml.Node, path: str, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    _plain_tag(node, path)
    if not isinstance(node, yaml.MappingNode):
        raise _fail(node, path, f"{what} must be a mapping")
    items: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key, value in node.value:
        name = _string(key, path, f"a key of {what}")
        if name in items:
            raise _fail(key, path, f'duplicate key "{name}" in {what}', "keep one of them")
        items[name] = (key, value)
    return items


def _sequence(node: yaml.Node, path: str, what: str) -> list[yaml.Node]:
    _plain_tag(node, path)
    if not isinstance(node, yaml.SequenceNode):
        raise _fail(node, path, f"{what} must be a list")
    return list(node.value)


def _string(node: yaml.Node, path: str, what: str) -> str:
    _plain_tag(node, path)
    if not isinstance(node, yaml.ScalarNode) or node.tag != _STR:
        raise _fail(node, path, f"{what} must be a string", 'quote it, e.g. "yes"')
    value = unicodedata.normalize("NFC", " ".join(node.value.split()))
    if not value:
        raise _fail(node, path, f"{what} must not be empty")
    return value


def _boolean(node: yaml.Node, path: str, what: str) -> bool:
    _plain_tag(node, path)
    if not isinstance(node, yaml.ScalarNode) or node.tag != _BOOL:
        raise _fail(node, path, f"{what} must be true or false")
    return node.value.lower() in ("true", "yes", "on", "y")


def _strings(node: yaml.Node, path: str, what: str) -> tuple[str, ...]:
    """A string or a list of strings."""
    if isinstance(node, yaml.SequenceNode):
        forms = tuple(_string(item, path, what) for item in _sequence(node, path, what))
        if not forms:
            raise _fail(node, path, f"{what} must not be an empty list")
        return forms
    return (_string(node, path, what),)


def _only_fields(items: dict[str, tuple[yaml.Node, yaml.Node]], allowed: tuple[str, ...], path: str) -> None:
    for name, (key, _) in items.items():
        if name not in allowed:
            raise _fail(key, path, f'unknown field "{name}"', "allowed fields: " + ", ".join(allowed))


def _forms_by_locale(node: yaml.Node, path: str, what: str) -> dict[str, tuple[str, ...]]:
    forms = {}
    for locale, (key, value) in _mapping(node, path, what).items():
        if not _LOCALE.fullmatch(locale):
            raise _fail(key, path, f'"{locale}" in {what} is not a locale code', "use codes like az, ru, tr, pt_BR")
        forms[locale] = _strings(value, path, f"{what} for {locale}")
    return forms


def _term_fields(node: yaml.Node, path: str) -> dict[str, Any]:
    items = _mapping(node, path, "a term")
    _only_fields(items, TERM_FIELDS, path)
    if "source" not in items:
        raise _fail(node, path, 'a term without "source"', "add source: with the English form")
    source = _string(items["source"][1], path, '"source"')
    fields: dict[str, Any] = {"source": source, "line": _line(node)}
    if "variants" in items:
        fields["variants"] = _strings(items["variants"][1], path, f'the variants of "{source}"')
    for name in ("translations", "forbidden"):
        if name in items:
            fields[name] = _forms_by_locale(items[name][1], path, f'the {name} of "{source}"')
    if "note" in items:
        fields["note"] = _string(items["note"][1], path, f'the note of "{source}"')
    for name in ("do_not_translate", "case_sensitive"):
        if name in items:
            fields[name] = _boolean(items[name][1], path, f'{name} of "{source}"')
    if not fields.get("translations") and not fields.get("do_not_translate"):
        raise _fail(node, path, f'"{source}" has no translations', "add translations:, or do_not_translate: true")
    _reject_contradictions(fields, node, path)
    return fields


def _reject_contradictions(fields: dict[str, Any], node: yaml.Node, path: str) -> None:
    for locale, bad in fields.get("forbidden", {}).items():
        good = set(fields.get("translations", {}).get(locale, ()))
        clash = good.intersection(bad)
        if clash:
            form = sorted(clash)[0]
            raise _fail(node, path, f'"{form}" is both approved and forbidden for {locale}', "remove it from one list")
