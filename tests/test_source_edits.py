"""Translator work survives any source change, through the real stages and files.

Random sequences of edits (add, delete, reword, reorder, split, merge sentences) are applied to an
article on disk; after each one, extract and update run and every translation ever made must still
be in the catalog: live, fuzzy with its previous msgid, or obsolete. Between steps the translator
translates whatever is new or fuzzy.
"""

from __future__ import annotations


from hypothesis import given, settings
from hypothesis import strategies as st

from l10n_pipeline import pipeline
from l10n_pipeline.catalog import Catalog
from l10n_pipeline.config import Config, load_config
from l10n_pipeline.fileio import atomic_write
from l10n_pipeline.pofile import format_po, read_po

CONFIG = '[tool.l10n-pipeline]\nlocales = ["az"]\nglossary = ""\n'
TITLE = "Edits to a news article"
WORDS = ("rally", "Baku", "people", "march", "city", "held", "many", "the", "of", "in", "2020", "613", "quiet", "square")
EDITS = ("add", "delete", "reword", "reorder", "split", "merge")

words = st.lists(st.sampled_from(WORDS), min_size=2, max_size=9)


def sentence(word_list: list[str]) -> str:
    text = " ".join(word_list)
    return text[0].upper() + text[1:] + "."


def bare(text: str) -> str:
    """A sentence without its final period and capital, to be joined into another."""
    return text.rstrip(".")


def apply_edit(edit: str, sentences: list[str], data: st.DataObject) -> list[str]:
    """The sentences after one edit of the given kind (an impossible edit changes nothing)."""
    sentences = list(sentences)
    if edit == "add" or not sentences:
        sentences.insert(data.draw(st.integers(0, len(sentences))), sentence(data.draw(words)))
        return sentences
    index = data.draw(st.integers(0, len(sentences) - 1))
    parts = bare(sentences[index]).split(" ")
    if edit == "delete":
        del sentences[index]
    elif edit == "reword":
        parts[data.draw(st.integers(0, len(parts) - 1))] = data.draw(st.sampled_from(WORDS))
        sentences[index] = sentence(parts)
    elif edit == "reorder":
        sentences = data.draw(st.permutations(sentences))
    elif edit == "split" and len(parts) >= 2:
        cut = data.draw(st.integers(1, len(parts) - 1))
        sentences[index : index + 1] = [sentence(parts[:cut]), sentence(parts[cut:])]
    elif edit == "merge" and index + 1 < len(sentences):
        following = bare(sentences[index + 1])
        sentences[index : index + 2] = [f"{bare(sentences[index])}, and {following[0].lower()}{following[1:]}."]
    return sentences


def write_article(config: Config, sentences: list[str]) -> None:
    body = "\n\n".join(sentences) if sentences else "Nothing else happened."
    atomic_write(config.source_dir / "article.md", f'---\ntitle: "{TITLE}"\n---\n\n{body}\n')


def extract_and_update(config: Config) -> Catalog:
    pipeline.extract(config)
    pipeline.update(config)
    return read_po(config.po_path("az"))


def translate_what_needs_it(config: Config, catalog: Catalog, made: set[tuple[str, str]]) -> None:
    """The translator's turn: every new or fuzzy entry gets a fresh translation, recorded in ``made``."""
    for entry in catalog.live_entries:
        if entry.fuzzy or not entry.msgstr:
            entry.msgstr = f"az#{len(made)} {entry.msgid}"
            entry.set_flag("fuzzy", False)
            entry.previous_msgid = None
            made.add((entry.msgid, entry.msgstr))
    atomic_write(config.po_path("az"), format_po(catalog))


def missing_translations(catalog: Catalog, made: set[tuple[str, str]]) -> set[tuple[str, str]]:
    kept = set()
    for entry in catalog.entries:
        kept.add((entry.msgid, entry.msgstr))
        if entry.fuzzy and entry.previous_msgid is not None:
            kept.add((entry.previous_msgid, entry.msgstr))
    return made - kept


@settings(max_examples=20)
@given(
    start=st.lists(words.map(sentence), min_size=1, max_size=5),
    edits=st.lists(st.sampled_from(EDITS), min_size=1, max_size=6),
    data=st.data(),
)
def test_every_translation_survives_any_sequence_of_edits(
    tmp_path_factory, start: list[str], edits: list[str], data: st.DataObject
) -> None:
    root = tmp_path_factory.mktemp("edits")
    (root / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    config = load_config(root)
    made: set[tuple[str, str]] = set()
    sentences = start
    write_article(config, sentences)
    translate_what_needs_it(config, extract_and_update(config), made)
    for edit in edits:
        sentences = apply_edit(edit, sentences, data)
        write_article(config, sentences)
        catalog = extract_and_update(config)
        assert missing_translations(catalog, made) == set(), f"lost after {edit}"
        translate_what_needs_it(config, catalog, made)
