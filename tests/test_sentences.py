"""The English sentence splitter: rules by example, the Golden Rules, the bundled articles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n_pipeline.sentences import sentence_spans, split_sentences

ROOT = Path(__file__).resolve().parent.parent
GOLDEN_RULES = Path(__file__).resolve().parent / "data" / "golden_rules_en.json"
SOURCE_TEXTS = ROOT / "source_texts"
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
HEADING_MARK = re.compile(r"\A#{1,6}[ \t]+")
ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’»)\]]*\Z")
STARTS_SENTENCE = re.compile(r"\A[\"“‘«(]?[A-Z0-9]")


def split(text: str) -> list[str]:
    return split_sentences(text)


def check_contract(text: str) -> None:
    """Spans are ordered, trimmed and disjoint; only whitespace lies outside them."""
    spans = sentence_spans(text)
    cursor = 0
    for start, end in spans:
        assert cursor <= start < end <= len(text)
        assert text[cursor:start].strip() == ""
        assert not text[start].isspace() and not text[end - 1].isspace()
        cursor = end
    assert text[cursor:].strip() == ""
    assert split_sentences(text) == [text[start:end] for start, end in spans]


# --- rules by example -------------------------------------------------------------------------

TITLES_AND_ABBREVIATIONS = [
    ("Mr. Smith met Mrs. Jones and Ms. Lee.", ["Mr. Smith met Mrs. Jones and Ms. Lee."]),
    ("Dr. Aliyev and Prof. Karimov spoke.", ["Dr. Aliyev and Prof. Karimov spoke."]),
    ("First Lady Mrs. Mehriban Aliyeva laid flowers.", ["First Lady Mrs. Mehriban Aliyeva laid flowers."]),
    ("He lives on St. Mark's Road with Martin Luther King Jr. and his son.",
     ["He lives on St. Mark's Road with Martin Luther King Jr. and his son."]),
    ("Gen. Hasanov, Col. Aliyev, Lt. Mammadov, Sgt. Huseynov and Capt. Ismayilov came.",
     ["Gen. Hasanov, Col. Aliyev, Lt. Mammadov, Sgt. Huseynov and Capt. Ismayilov came."]),
    ("Rep. Smith, Sen. Jones, Gov. Brown and Pres. Lincoln met on Fifth Ave. near Mt. Vernon.",
     ["Rep. Smith, Sen. Jones, Gov. Brown and Pres. Lincoln met on Fifth Ave. near Mt. Vernon."]),
    ("He works for the U.S. Government in the U.K. office.", ["He works for the U.S. Government in the U.K. office."]),
    ("She moved to the U.S.A. last year.", ["She moved to the U.S.A. last year."]),
    ("I live in the U.S. How about you?", ["I live in the U.S.", "How about you?"]),
    ("Resolution No. 5 and Nos. 6 and 7 passed.", ["Resolution No. 5 and Nos. 6 and 7 passed."]),
    ("It happened on Feb. 26, 1992 and Jan. 20, 1990.", ["It happened on Feb. 26, 1992 and Jan. 20, 1990."]),
    ("Sept. 19 and Oct. 15 and Dec. 1 are dates.", ["Sept. 19 and Oct. 15 and Dec. 1 are dates."]),
    ("Towns, e.g. Khojaly, i.e. the town, and others.", ["Towns, e.g. Khojaly, i.e. the town, and others."]),
    ("Qarabag vs. Neftchi was played at approx. 5 o'clock.",
     ["Qarabag vs. Neftchi was played at approx. 5 o'clock."]),
    ("Apple Inc. and Foo Ltd. and Briggs & Co. and Acme Corp. merged.",
     ["Apple Inc. and Foo Ltd. and Briggs & Co. and Acme Corp. merged."]),
    ("They closed the deal with Briggs & Co. It closed yesterday.",
     ["They closed the deal with Briggs & Co.", "It closed yesterday."]),
    ("The wall is 10 ft. high and the road 5 km. long.", ["The wall is 10 ft. high and the road 5 km. long."]),
    ("Please turn to p. 55 and see Fig. 3 there.", ["Please turn to p. 55 and see Fig. 3 there."]),
    ("They brought flags, books, etc. The march began.", ["They brought flags, books, etc.", "The march began."]),
    ("They brought flags, books, etc. and flowers.", ["They brought flags, books, etc. and flowers."]),
    ("The march began at 10 a.m. It ended at 6 p.m. People went home.",
     ["The march began at 10 a.m.", "It ended at 6 p.m.", "People went home."]),
    ("The march began at 10 a.m. on Sunday.", ["The march began at 10 a.m. on Sunday."]),
]

INITIALS = [
    ("The book by J. R. R. Tolkien was read.", ["The book by J. R. R. Tolkien was read."]),
    ("Vice-President Leyla A. Aliyeva spoke.", ["Vice-President Leyla A. Aliyeva spoke."]),
    ("We make a good team, you and I. Did you see Albert I. Jones?",
     ["We make a good team, you and I.", "Did you see Albert I. Jones?"]),
]

NUMBERS = [
    ("As many as 1,275 were taken hostage. 1,000 people were injured.",
     ["As many as 1,275 were taken hostage.", "1,000 people were injured."]),
    ("Turnout was 73.7 percent. It rose.", ["Turnout was 73.7 percent.", "It rose."]),
    ("Central Bank: $73.7m worth of demand fully covered at FX auction",
     ["Central Bank: $73.7m worth of demand fully covered at FX auction"]),
    ("She has $100.00. It is in her bag.", ["She has $100.00.", "It is in her bag."]),
    ("An offensive began on February 25. 2500 residents of the city tried to escape.",
     ["An offensive began on February 25.", "2500 residents of the city tried to escape."]),
    ("Losses were 170 million. $ 170 million is a lot.", ["Losses were 170 million.", "$ 170 million is a lot."]),
    ("The 44-day Second Karabakh War ended in 2020.", ["The 44-day Second Karabakh War ended in 2020."]),
]

ELLIPSES = [
    ("I never meant that... She left the store.", ["I never meant that...", "She left the store."]),
    ("I never meant that… She left the store.", ["I never meant that…", "She left the store."]),
    ("I wasn’t really ... well, what I mean…see.", ["I wasn’t really ... well, what I mean…see."]),
    ("the thing is . . . I didn’t mean it.", ["the thing is . . . I didn’t mean it."]),
    ("the end of a sentence . . . . Next sentence.", ["the end of a sentence . . . .", "Next sentence."]),
    ("This is all. . . .", ["This is all. . . ."]),
]

QUOTES = [
    ('He said "Stop." Then he left.', ['He said "Stop."', "Then he left."]),
    ("He said “Stop.” Then he left.", ["He said “Stop.”", "Then he left."]),
    ("He said ‘Stop.’ Then he left.", ["He said ‘Stop.’", "Then he left."]),
    ("Il a dit «Stop.» Then he left.", ["Il a dit «Stop.»", "Then he left."]),
    ("He said “Stop!” Then he left.", ["He said “Stop!”", "Then he left."]),
    ("“This is great.” she said.", ["“This is great.” she said."]),
    ("“Stop!” he shouted.", ["“Stop!” he shouted."]),
    ("placards saying “No to Armenian fascism!”. Participants held placards.",
     ["placards saying “No to Armenian fascism!”.", "Participants held placards."]),
    (
        "“The blood was not shed in vain. All crimes have been avenged. We will go on,” he said.",
        ["“The blood was not shed in vain.", "All crimes have been avenged.", "We will go on,” he said."],
    ),
    ("He said: “We won. Now we rebuild.” The hall applauded.",
     ["He said: “We won.", "Now we rebuild.”", "The hall applauded."]),
]

LINES = [
    (
        "Nationwide march held in Baku on the occasion of 20th anniversary of Khojaly genocide\n"
        "President of Azerbaijan Ilham Aliyev participates in the march",
        [
            "Nationwide march held in Baku on the occasion of 20th anniversary of Khojaly genocide",
            "President of Azerbaijan Ilham Aliyev participates in the march",
        ],
    ),
    ("Related posts\n10 planets where there is life!", ["Related posts", "10 planets where there is life!"]),
    ("This is a sentence\ncut off in the middle.", ["This is a sentence\ncut off in the middle."]),
    ("It was a cold \nnight in the city.", ["It was a cold \nnight in the city."]),
    ("At the initiative of\nHeydar Aliyev it was done.", ["At the initiative of\nHeydar Aliyev it was done."]),
    ("Leaders met in Baku,\nAnkara and Islamabad.", ["Leaders met in Baku,\nAnkara and Islamabad."]),
    ("It ended.\nThe next day began.", ["It ended.", "The next day began."]),
    ("features\ncontact manager\nevents, activities", ["features", "contact manager", "events, activities"]),
    ("First paragraph\n\nsecond paragraph.", ["First paragraph", "second paragraph."]),
]

ADDRESSES = [
    ("Coordination is carried out through www.justiceforkhojaly.org. The anniversary is marked.",
     ["Coordination is carried out through www.justiceforkhojaly.org.", "The anniversary is marked."]),
    ("The embassy told News.Az.", ["The embassy told News.Az."]),
    ("The embassy told News.Az. The seminar was held.", ["The embassy told News.Az.", "The seminar was held."]),
    ("Read News.Az daily.", ["Read News.Az daily."]),
    ("Her email is Jane.Doe@example.com. I wrote.", ["Her email is Jane.Doe@example.com.", "I wrote."]),
    ("See https://www.example.com/Some.Page for more.", ["See https://www.example.com/Some.Page for more."]),
    ("Hello world.Today is Tuesday.Mr. Smith came.", ["Hello world.", "Today is Tuesday.", "Mr. Smith came."]),
    ("We demand justice for Khojaly.We will never forget!",
     ["We demand justice for Khojaly.", "We will never forget!"]),
]

LISTS = [
    ("1. The first item 2. The second item", ["1. The first item", "2. The second item"]),
    ("1. The first item. 2. The second item.", ["1. The first item.", "2. The second item."]),
    ("1) The first item 2) The second item", ["1) The first item", "2) The second item"]),
    ("1.) The first item 2.) The second item", ["1.) The first item", "2.) The second item"]),
    ("• 9. The first item • 10. The second item", ["• 9. The first item", "• 10. The second item"]),
    ("a. The first item b. The second item c. The third item",
     ["a. The first item", "b. The second item", "c. The third item"]),
    ("1. Victims were counted in 1992 and 3. Nothing else.", ["1. Victims were counted in 1992 and 3.", "Nothing else."]),
    ("A. Aliyev and B. Mammadov signed. The deal was done.",
     ["A. Aliyev and B. Mammadov signed.", "The deal was done."]),
]

OTHER = [
    ("", []),
    ("   \n\t ", []),
    ("Hello World. My name is Jonas.", ["Hello World.", "My name is Jonas."]),
    ("What is your name? My name is Jonas.", ["What is your name?", "My name is Jonas."]),
    ("Hello!? Is that you?", ["Hello!?", "Is that you?"]),
    ("She works at Yahoo! in the accounting department.", ["She works at Yahoo! in the accounting department."]),
    ("He teaches (He worked as an engineer.) at the University.",
     ["He teaches (He worked as an engineer.) at the University."]),
    ("Baku, February 26 (AZERTAC). A nationwide march was held.",
     ["Baku, February 26 (AZERTAC).", "A nationwide march was held."]),
    ("  Leading and trailing space. Kept outside.  ", ["Leading and trailing space.", "Kept outside."]),
    ("It was **decided.** The march began.", ["It was **decided.**", "The march began."]),
    ("Read [News.Az](https://news.az). It reports daily.", ["Read [News.Az](https://news.az).", "It reports daily."]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    TITLES_AND_ABBREVIATIONS + INITIALS + NUMBERS + ELLIPSES + QUOTES + LINES + ADDRESSES + LISTS + OTHER,
)
def test_split(text: str, expected: list[str]) -> None:
    assert split(text) == expected
    check_contract(text)


def test_spans_are_offsets_into_the_text() -> None:
    text = "One.  Two?\nThree!"
    assert sentence_spans(text) == [(0, 4), (6, 10), (11, 17)]


# --- the Golden Rules ----------------------------------------------------------------------------


def normalised(sentences: list[str]) -> list[str]:
    """Sentences as the Golden Rules compare them: trimmed, inner whitespace collapsed."""
    return [" ".join(sentence.split()) for sentence in sentences if sentence.strip()]


def test_golden_rules_score() -> None:
    rules = json.loads(GOLDEN_RULES.read_text(encoding="utf-8"))
    failed = [rule for rule in rules if normalised(split(rule["text"])) != normalised(rule["expected"])]
    report = "\n".join(
        f"rule {rule['id']} ({rule['name']}): got {normalised(split(rule['text']))}" for rule in failed
    )
    print(f"Golden Rules: {len(rules) - len(failed)}/{len(rules)} passed\n{report}")
    assert len(rules) == 52
    assert len(rules) - len(failed) >= 50, report


# --- the bundled articles -----------------------------------------------------------------------


def article_paragraphs() -> list[str]:
    """The text of each block of every bundled article, headings without their marks."""
    paragraphs = []
    for path in sorted(SOURCE_TEXTS.glob("*.md")):
        body = FRONT_MATTER.sub("", path.read_text(encoding="utf-8"), count=1)
        for block in re.split(r"\n[ \t]*\n", body):
            if block.strip():
                paragraphs.append(HEADING_MARK.sub("", block.strip()))
    return paragraphs


PARAGRAPHS = article_paragraphs()
needs_articles = pytest.mark.skipif(not PARAGRAPHS, reason="no bundled articles in source_texts/")


@needs_articles
def test_every_article_paragraph_splits_cleanly() -> None:
    for paragraph in PARAGRAPHS:
        check_contract(paragraph)
        sentences = split(paragraph)
        for sentence in sentences:
            assert STARTS_SENTENCE.match(sentence), sentence
        for sentence in sentences[:-1]:
            assert ENDS_SENTENCE.search(sentence), sentence


HARD_PARAGRAPHS = [
    ("launched an offensive on Khojaly on February 25.", 10, "2500 residents of the city"),
    ("First Lady of Azerbaijan Mrs. Mehriban Aliyeva", 1, None),
    ("through the website www.justiceforkhojaly.org.", 9, "The anniversary of the Khojaly genocide"),
    ("the Embassy of Azerbaijan in Islamabad told News.Az.", 1, None),
    ("following the 44-day Second Karabakh War in 2020", 2, "He especially noted"),
    ("“Following the Second Karabakh-Patriotic War in 2020", 2, "The blood of our victims"),
    ("Nevertheless, we must never lose sight", 3, "Only then will we be able"),
    ("“Regretfully, near the close of the 20th century", 5, "32 years ago, in February 1992"),
    ("Baku, February 26 (AZERTAC).", 3, "A nationwide march was held"),
    ("“No to Armenian fascism!”.", 3, "Participants of the march had"),
    ("President Ilham Aliyev says in his message: “By committing", 2, "However, this appalling tragedy"),
]


@needs_articles
@pytest.mark.parametrize(("marker", "count", "a_sentence_start"), HARD_PARAGRAPHS)
def test_hard_article_paragraphs(marker: str, count: int, a_sentence_start: str | None) -> None:
    matching = [paragraph for paragraph in PARAGRAPHS if marker in paragraph]
    assert matching, f"no bundled paragraph contains {marker!r}; update HARD_PARAGRAPHS"
    sentences = split(matching[0])
    assert len(sentences) == count, sentences
    if a_sentence_start:
        assert any(sentence.startswith(a_sentence_start) for sentence in sentences), sentences


# --- properties ---------------------------------------------------------------------------------

TRICKY_PIECES = st.sampled_from(
    [
        " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\r\n", ".", ". ", "...", ". . .", ". . . .", "…", "!", "?",
        "!?", "“", "”", "‘", "’", '"', "'", "«", "»", "(", ")", "[", "]", "•", "⁃", "Mr.", "U.S.",
        "e.g.", "a.m.", "No.", "J.", "I.", "1.", "2.", "1)", "a.", "b.", "25.", "$73.7m", "1,275",
        "News.Az", "www.x.org", "a@b.com", "world.Today", "Hello", "world", "The", "and", "of",
    ]
)
TEXTS = st.one_of(
    st.lists(TRICKY_PIECES, max_size=30).map("".join),
    st.text(max_size=80),
)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_spans_cover_the_text_whatever_it_is(text: str) -> None:
    check_contract(text)
