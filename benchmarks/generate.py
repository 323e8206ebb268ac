"""A deterministic, news-like benchmark corpus: catalogs, a second template version, a glossary, articles.

Every sentence is built in English and in each target locale from parallel phrase tables, so the
translations keep the numbers the way each locale writes them and the names in their glossary form.
The same seed and size always give byte-identical files.

    python benchmarks/generate.py --entries 100k --out benchmarks/corpus/n100k
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from num2words import num2words

LOCALES = ("az", "ru", "tr")
SEED = 20120226
NBSP = "\u00a0"

# Shares of the catalog, per entry.
ERROR_SHARE = 0.03
UNTRANSLATED_SHARE = 0.03
FUZZY_SHARE = 0.02
NUMBER_SHARE = 0.5
# Shares of the second template version.
EDITED_SHARE = 0.03
ADDED_SHARE = 0.02
REMOVED_SHARE = 0.02

# Places from the project's domain, in their approved form per locale (en, az, ru, tr).
PLACES = [
    ("Baku", "Bakı", "Баку", "Bakü"),
    ("Khojaly", "Xocalı", "Ходжалы", "Hocalı"),
    ("Agdam", "Ağdam", "Агдам", "Ağdam"),
    ("Shusha", "Şuşa", "Шуша", "Şuşa"),
    ("Ganja", "Gəncə", "Гянджа", "Gence"),
    ("Lachin", "Laçın", "Лачин", "Laçin"),
    ("Fuzuli", "Füzuli", "Физули", "Fuzuli"),
    ("Kalbajar", "Kəlbəcər", "Кельбаджар", "Kelbecer"),
    ("Sumgait", "Sumqayıt", "Сумгаит", "Sumgayıt"),
    ("Nakhchivan", "Naxçıvan", "Нахчыван", "Nahçıvan"),
    ("Islamabad", "İslamabad", "Исламабад", "İslamabad"),
    ("Ankara", "Ankara", "Анкара", "Ankara"),
]
# Syllables of synthetic surnames, transliterated per locale (en, az, ru, tr).
SYLLABLES = [
    ("ka", "ka", "ка", "ka"), ("ri", "ri", "ри", "ri"), ("mo", "mo", "мо", "mo"), ("sha", "şa", "ша", "şa"),
    ("li", "li", "ли", "li"), ("ra", "ra", "ра", "ra"), ("gu", "qu", "гу", "gu"), ("na", "na", "на", "na"),
    ("se", "se", "се", "se"), ("ta", "ta", "та", "ta"), ("bu", "bu", "бу", "bu"), ("ja", "ca", "джа", "ca"),
    ("kha", "xa", "ха", "ha"), ("zi", "zi", "зи", "zi"), ("dov", "dov", "дов", "dov"), ("ro", "ro", "ро", "ro"),
]
SURNAME_ENDINGS = [("ov", "ov", "ов", "ov"), ("ev", "yev", "ев", "yev"), ("li", "li", "ли", "li")]
NEWS_SOURCES = [
    ("the ministry", "nazirlik", "министерство", "bakanlık"),
    ("the agency", "agentlik", "агентство", "ajans"),
    ("the committee", "komitə", "комитет", "komite"),
    ("the embassy", "səfirlik", "посольство", "büyükelçilik"),
    ("the commission", "komissiya", "комиссия", "komisyon"),
    ("the city council", "şəhər şurası", "городской совет", "belediye meclisi"),
]
TOPICS = [
    ("the reconstruction of roads", "yolların bərpasını", "восстановление дорог", "yolların yeniden yapımını"),
    ("new schools", "yeni məktəbləri", "новые школы", "yeni okulları"),
    ("water supply", "su təchizatını", "водоснабжение", "su temini"),
    ("the return of residents", "sakinlərin qayıdışını", "возвращение жителей", "sakinlerin dönüşünü"),
    ("cultural heritage", "mədəni irsi", "культурное наследие", "kültürel mirası"),
    ("trade relations", "ticarət əlaqələrini", "торговые связи", "ticari ilişkileri"),
    ("mine clearance", "minatəmizləməni", "разминирование", "mayın temizliğini"),
    ("the energy sector", "enerji sektorunu", "энергетический сектор", "enerji sektörünü"),
    ("tourism", "turizmi", "туризм", "turizmi"),
    ("health care", "səhiyyəni", "здравоохранение", "sağlık hizmetlerini"),
    ("the new airport", "yeni hava limanını", "новый аэропорт", "yeni havalimanını"),
    ("public transport", "ictimai nəqliyyatı", "общественный транспорт", "toplu taşımayı"),
]
MONTHS = [
    ("January", "yanvar", "января", "Ocak"), ("February", "fevral", "февраля", "Şubat"),
    ("March", "mart", "марта", "Mart"), ("April", "aprel", "апреля", "Nisan"),
    ("May", "may", "мая", "Mayıs"), ("June", "iyun", "июня", "Haziran"),
    ("July", "iyul", "июля", "Temmuz"), ("August", "avqust", "августа", "Ağustos"),
    ("September", "sentyabr", "сентября", "Eylül"), ("October", "oktyabr", "октября", "Ekim"),
    ("November", "noyabr", "ноября", "Kasım"), ("December", "dekabr", "декабря", "Aralık"),
]
ROMAN = [("XVII", 17), ("XVIII", 18), ("XIX", 19), ("XX", 20), ("XXI", 21), ("XIV", 14), ("XV", 15), ("XVI", 16)]


@dataclass
class Sentence:
    """One source sentence and its translation per locale; ``wrong`` holds an injected error per locale."""

    en: str
    target: dict[str, str]
    wrong: dict[str, str] = field(default_factory=dict)


# ------------------------------------------------------------------ number renderers per locale


def grouped(value: int, locale: str) -> str:
    text = f"{value:,}"
    return {"en": text, "az": text.replace(",", "."), "tr": text.replace(",", "."), "ru": text.replace(",", NBSP)}[locale]


def decimal(value: float, locale: str) -> str:
    text = f"{value:.1f}"
    return text if locale == "en" else text.replace(".", ",")


def percent(value: float, locale: str) -> str:
    number = decimal(value, locale)
    return {"en": f"{number}%", "az": f"{number}%", "ru": f"{number}{NBSP}%", "tr": f"%{number}"}[locale]


def az_ordinal(value: int) -> str:
    return num2words(value, lang="az", to="ordinal_num")


# ------------------------------------------------------------------ sentence builders


class SentenceMaker:
    """Builds parallel sentences from a seeded random source."""

    def __init__(self, rng: random.Random, people: list[tuple[str, str, str, str]]) -> None:
        self.rng = rng
        self.people = people

    def pick(self, table):
        return self.rng.choice(table)

    def filler(self) -> Sentence:
        """A sentence without numbers: two names, a place and a topic."""
        a, b = self.rng.sample(self.people, 2)
        place, topic, source = self.pick(PLACES), self.pick(TOPICS), self.pick(NEWS_SOURCES)
        form = self.rng.randrange(3)
        if form == 0:
            en = f"{a[0]} and {b[0]} discussed {topic[0]} in {place[0]}, {source[0]} reported."
            az = f"{source[1].capitalize()} bildirib ki, {a[1]} və {b[1]} {place[1]} şəhərində {topic[1]} müzakirə ediblər."
            ru = f"{a[2]} и {b[2]} обсудили {topic[2]} в городе {place[2]}, сообщило {source[2]}."
            tr = f"{source[3].capitalize()}, {a[3]} ve {b[3]} {place[3]} şehrinde {topic[3]} görüştüklerini bildirdi."
        elif form == 1:
            en = f"In {place[0]}, {a[0]} presented a report on {topic[0]} prepared with {b[0]}."
            az = f"{place[1]} şəhərində {a[1]} {b[1]} ilə hazırladığı {topic[1]} hesabatı təqdim edib."
            ru = f"В городе {place[2]} {a[2]} представил доклад про {topic[2]}, подготовленный вместе с {b[2]}."
            tr = f"{place[3]} şehrinde {a[3]}, {b[3]} ile hazırladığı {topic[3]} raporunu sundu."
        else:
            en = f"{a[0]} told {source[0]} that {topic[0]} in {place[0]} remains a priority for {b[0]}."
            az = f"{a[1]} {source[1]} bildirib ki, {place[1]} şəhərində {topic[1]} {b[1]} üçün prioritet olaraq qalır."
            ru = f"{a[2]} сообщил, что {topic[2]} в городе {place[2]} остаётся приоритетом для {b[2]}."
            tr = f"{a[3]}, {place[3]} şehrinde {topic[3]} {b[3]} için öncelik olmaya devam ettiğini söyledi."
        target = {"az": az, "ru": ru, "tr": tr}
        # The injected error writes the name as in English: a forbidden look-alike or a missing term.
        wrong = {loc: target[loc].replace(a[i], a[0]) for i, loc in enumerate(LOCALES, 1) if a[i] != a[0]}
        return Sentence(en, target, wrong)

    def with_numbers(self) -> Sentence:
        """A sentence with numbers in one of the forms the number check knows."""
        maker = self.pick(NUMBER_FORMS)
        return maker(self)

    def _person_place(self):
        return self.pick(self.people), self.pick(PLACES)

    def grouped_count(self) -> Sentence:
        (p, place), value = self._person_place(), self.rng.randrange(1_000, 2_000_000)
        return self._numbered(
            value, value + 9,
            lambda v, loc: {
                "en": f"{p[0]} said that {grouped(v, 'en')} people were evacuated from {place[0]}.",
                "az": f"{p[1]} bildirib ki, {place[1]} şəhərindən {grouped(v, 'az')} nəfər təxliyə edilib.",
                "ru": f"{p[2]} сообщил, что из города {place[2]} эвакуированы {grouped(v, 'ru')} человек.",
                "tr": f"{p[3]}, {place[3]} şehrinden {grouped(v, 'tr')} kişinin tahliye edildiğini söyledi.",
            }[loc],
        )

    def percent_share(self) -> Sentence:
        (p, place), value = self._person_place(), self.rng.randrange(10, 999) / 10
        return self._numbered(
            value, value + 10,
            lambda v, loc: {
                "en": f"According to {p[0]}, {percent(v, 'en')} of households in {place[0]} now have gas.",
                "az": f"{p[1]} bildirib ki, {place[1]} şəhərində ev təsərrüfatlarının {percent(v, 'az')}-i qazla təmin olunub.",
                "ru": f"По словам {p[2]}, {percent(v, 'ru')} домохозяйств в городе {place[2]} уже получают газ.",
                "tr": f"{p[3]}'e göre {place[3]} şehrinde hanelerin {percent(v, 'tr')}'i artık doğalgaz kullanıyor.",
            }[loc],
        )

    def money(self) -> Sentence:
        (p, place), value = self._person_place(), self.rng.randrange(2, 999)
        return self._numbered(
            value, value * 1000,
            lambda v, loc: {
                "en": f"{p[0]} announced ${v} million of investment in {place[0]}."
                if v < 1000 else f"{p[0]} announced ${v // 1000} billion of investment in {place[0]}.",
                "az": f"{p[1]} {place[1]} şəhərinə {v} milyon dollar sərmayə qoyulacağını açıqlayıb."
                if v < 1000 else f"{p[1]} {place[1]} şəhərinə {v // 1000} milyard dollar sərmayə qoyulacağını açıqlayıb.",
                "ru": f"{p[2]} объявил об инвестициях в {v} млн долларов в город {place[2]}."
                if v < 1000 else f"{p[2]} объявил об инвестициях в {v // 1000} млрд долларов в город {place[2]}.",
                "tr": f"{p[3]}, {place[3]} şehrine {v} milyon dolar yatırım yapılacağını açıkladı."
                if v < 1000 else f"{p[3]}, {place[3]} şehrine {v // 1000} milyar dolar yatırım yapılacağını açıkladı.",
            }[loc],
        )

    def ordinal(self) -> Sentence:
        (p, place), value = self._person_place(), self.rng.randrange(2, 120)
        return self._numbered(
            value, value + 1,
            lambda v, loc: {
                "en": f"{p[0]} attended the {num2words(v, to='ordinal_num')} anniversary of the theatre in {place[0]}.",
                "az": f"{p[1]} {place[1]} teatrının {az_ordinal(v)} ildönümündə iştirak edib.",
                "ru": f"{p[2]} посетил {v}-ю годовщину театра в городе {place[2]}.",
                "tr": f"{p[3]}, {place[3]} tiyatrosunun {v}. yıl dönümüne katıldı.",
            }[loc],
        )

    def year(self) -> Sentence:
        (p, place), value = self._person_place(), self.rng.randrange(1900, 2030)
        return self._numbered(
            value, value - 10,
            lambda v, loc: {
                "en": f"The museum in {place[0]} visited by {p[0]} was founded in {v}.",
                "az": f"{p[1]} {place[1]} şəhərində {az_ordinal(v)} ildə yaradılmış muzeyi ziyarət edib.",
                "ru": f"Музей в городе {place[2]}, который посетил {p[2]}, основан в {v} году.",
                "tr": f"{p[3]}'in ziyaret ettiği {place[3]} şehrindeki müze {v} yılında kuruldu.",
            }[loc],
        )

    def date(self) -> Sentence:
        p, place = self._person_place()
        month, day, year = self.pick(MONTHS), self.rng.randrange(1, 29), self.rng.randrange(1990, 2026)
        return self._numbered(
            day, day + 1 if day < 27 else day - 1,
            lambda d, loc: {
                "en": f"{p[0]} arrived in {place[0]} on {month[0]} {d}, {year}.",
                "az": f"{p[1]} {d} {month[1]} {az_ordinal(year)} il tarixində {place[1]} şəhərinə gəlib.",
                "ru": f"{p[2]} прибыл в город {place[2]} {d} {month[2]} {year}{NBSP}г.",
                "tr": f"{p[3]}, {d} {month[3]} {year} tarihinde {place[3]} şehrine geldi.",
            }[loc],
        )

    def date_range(self) -> Sentence:
        p, place = self._person_place()
        month, day = self.pick(MONTHS), self.rng.randrange(1, 20)
        span = self.rng.randrange(1, 8)
        return self._numbered(
            day, day + 1,
            lambda d, loc: {
                "en": f"The festival in {place[0]} opened by {p[0]} runs on {month[0]} {d}-{d + span}.",
                "az": f"{p[1]} tərəfindən açılan {place[1]} festivalı {d}-{d + span} {month[1]} tarixlərində keçirilir.",
                "ru": f"Фестиваль в городе {place[2]}, открытый {p[2]}, пройдёт {d}–{d + span} {month[2]}.",
                "tr": f"{p[3]} tarafından açılan {place[3]} festivali {d}-{d + span} {month[3]} tarihlerinde yapılıyor.",
            }[loc],
        )

    def roman(self) -> Sentence:
        (p, place), (numeral, value) = self._person_place(), self.pick(ROMAN)
        wrong_numeral = next(r for r, v in ROMAN if v == (value + 1 if value < 21 else value - 1))
        topic = self.pick(TOPICS)
        en = f"{p[0]} spoke about the history of {place[0]} in the {numeral} century and {topic[0]}."
        az = f"{p[1]} {numeral} əsrdə {place[1]} tarixindən və {topic[1]} danışıb."
        ru = f"{p[2]} рассказал об истории города {place[2]} в {numeral} веке и про {topic[2]}."
        tr = f"{p[3]}, {numeral}. yüzyılda {place[3]} tarihinden ve {topic[3]} bahsetti."
        target = {"az": az, "ru": ru, "tr": tr}
        return Sentence(en, target, {loc: text.replace(numeral, wrong_numeral, 1) for loc, text in target.items()})

    def number_words(self) -> Sentence:
        (p, place), value = self._person_place(), self.rng.randrange(2, 13)
        extra = self.rng.randrange(10, 1000)
        return self._numbered(
            value, value + 1,
            lambda v, loc: {
                "en": f"{num2words(v).capitalize()} families returned to {place[0]}, {p[0]} said after {extra} days.",
                "az": f"{p[1]} {extra} gündən sonra bildirib ki, {num2words(v, lang='az')} ailə {place[1]} şəhərinə qayıdıb.",
                "ru": f"{p[2]} через {extra} дней сообщил, что {num2words(v, lang='ru')} семей вернулись в город {place[2]}.",
                "tr": f"{p[3]}, {extra} gün sonra {num2words(v, lang='tr')} ailenin {place[3]} şehrine döndüğünü söyledi.",
            }[loc],
        )

    def scaled_crowd(self) -> Sentence:
        (p, place), value = self._person_place(), self.rng.randrange(2, 999)
        return self._numbered(
            value, value * 10,
            lambda v, loc: {
                "en": f"Over {v} thousand people joined the march in {place[0]} led by {p[0]}.",
                "az": f"{p[1]} başda olmaqla {place[1]} şəhərində yürüşə {v} mindən çox insan qoşulub.",
                "ru": f"В марше в городе {place[2]} во главе с {p[2]} приняли участие более {v} тыс. человек.",
                "tr": f"{p[3]} önderliğinde {place[3]} şehrindeki yürüyüşe {v} binden fazla kişi katıldı.",
            }[loc],
        )

    def _numbered(self, value, wrong_value, render) -> Sentence:
        """Render the sentence with ``value``; the injected error renders ``wrong_value`` instead."""
        target = {loc: render(value, loc) for loc in LOCALES}
        return Sentence(render(value, "en"), target, {loc: render(wrong_value, loc) for loc in LOCALES})


NUMBER_FORMS = [
    SentenceMaker.grouped_count, SentenceMaker.percent_share, SentenceMaker.money, SentenceMaker.ordinal,
    SentenceMaker.year, SentenceMaker.date, SentenceMaker.date_range, SentenceMaker.roman,
    SentenceMaker.number_words, SentenceMaker.scaled_crowd,
]


# ------------------------------------------------------------------ people and glossary


def make_people(rng: random.Random, count: int) -> list[tuple[str, str, str, str]]:
    """Synthetic surnames, each spelled per locale, all distinct."""
    people: dict[str, tuple[str, str, str, str]] = {}
    while len(people) < count:
        parts = rng.sample(SYLLABLES, rng.randrange(2, 4)) + [rng.choice(SURNAME_ENDINGS)]
        forms = tuple("".join(part[i] for part in parts) for i in range(4))
        name = tuple(form.capitalize() for form in forms)
        people.setdefault(name[0], name)
    return sorted(people.values())


def glossary_yaml(people: list[tuple[str, str, str, str]]) -> str:
    """The glossary of every place and person used, with an ASCII look-alike forbidden where one differs."""
    lines = ["# Benchmark glossary: generated; names and places with their approved forms.", "terms:"]
    for en, az, ru, tr in PLACES + people:
        lines += [f"  - source: {en}", "    translations:", f"      az: {az}", f"      ru: {ru}", f"      tr: {tr}"]
        forbidden = {loc: en for loc, form in (("az", az), ("tr", tr)) if form != en}
        if forbidden:
            lines.append("    forbidden:")
            lines += [f"      {loc}: [{form}]" for loc, form in forbidden.items()]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ PO writing


def quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


PO_HEADER = (
    'msgid ""\nmsgstr ""\n'
    '"Project-Id-Version: benchmark\\n"\n"POT-Creation-Date: {date}\\n"\n"PO-Revision-Date: {date}\\n"\n'
    '"Language: {lang}\\n"\n"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)


@dataclass
class CatalogEntry:
    """One message of the generated catalogs."""

    msgid: str
    reference: str
    sentence: Sentence
    state: str = "ok"  # ok, error, untranslated, fuzzy


def entry_text(entry: CatalogEntry, locale: str | None) -> str:
    """One PO entry; ``locale`` None writes the template form."""
    story = entry.reference.partition(":")[0].removeprefix("articles/").removesuffix(".md")
    lines = [f"#. article: {story.replace('-', ' ').capitalize()} of the benchmark news feed", f"#: {entry.reference}"]
    if locale is not None and entry.state == "fuzzy":
        lines.append("#, fuzzy")
    lines.append(f"msgid {quoted(entry.msgid)}")
    if locale is None or entry.state == "untranslated":
        msgstr = ""
    elif entry.state == "error":
        msgstr = entry.sentence.wrong.get(locale) or entry.sentence.target[locale]
    else:
        msgstr = entry.sentence.target[locale]
    lines.append(f"msgstr {quoted(msgstr)}")
    return "\n".join(lines) + "\n\n"


def catalog_text(entries: list[CatalogEntry], locale: str | None, date: str) -> str:
    return PO_HEADER.format(date=date, lang=locale or "") + "".join(entry_text(e, locale) for e in entries)


# ------------------------------------------------------------------ the corpus


def parse_size(text: str) -> int:
    """``10k`` → 10000, ``1m`` → 1000000, ``2MB`` → 2000000 (decimal units)."""
    cleaned = text.strip().lower().removesuffix("b")
    factor = {"k": 1_000, "m": 1_000_000}.get(cleaned[-1:], 1)
    return int(float(cleaned.rstrip("km")) * factor)


class Corpus:
    """The sentences of one benchmark size, and the files made from them."""

    def __init__(self, entries: int, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        self.people = make_people(self.rng, 400)
        self.maker = SentenceMaker(self.rng, self.people)
        self.seen: set[str] = set()
        self.entries = [self._entry(index) for index in range(entries)]
        for entry in self.entries:
            entry.state = self._state()

    def _sentence(self) -> Sentence:
        while True:
            sentence = self.maker.with_numbers() if self.rng.random() < NUMBER_SHARE else self.maker.filler()
            if sentence.en not in self.seen:
                self.seen.add(sentence.en)
                return sentence

    def _entry(self, index: int) -> CatalogEntry:
        sentence = self._sentence()
        return CatalogEntry(sentence.en, f"articles/story-{index // 40:05d}.md:{(index % 40) * 2 + 8}", sentence)

    def _state(self) -> str:
        roll = self.rng.random()
        for state, share in (("error", ERROR_SHARE), ("untranslated", UNTRANSLATED_SHARE), ("fuzzy", FUZZY_SHARE)):
            if roll < share:
                return state
            roll -= share
        return "ok"

    def next_version(self) -> tuple[list[CatalogEntry], list[dict[str, str]]]:
        """The template's second version and its edits (new msgid → old msgid)."""
        rng = random.Random(SEED + len(self.entries))
        edits: list[dict[str, str]] = []
        entries: list[CatalogEntry] = []
        for entry in self.entries:
            roll = rng.random()
            if roll < REMOVED_SHARE:
                continue
            if roll < REMOVED_SHARE + EDITED_SHARE:
                edited = edit_sentence(entry.msgid, rng)
                if edited not in self.seen:
                    self.seen.add(edited)
                    edits.append({"old": entry.msgid, "new": edited})
                    entries.append(CatalogEntry(edited, entry.reference, entry.sentence))
                    continue
            entries.append(entry)
            if rng.random() < ADDED_SHARE:
                fresh = self._sentence()
                entries.append(CatalogEntry(fresh.en, entry.reference, fresh))
        return entries, edits


EDIT_WORDS = [
    ("said", "stated"), ("reported", "announced"), ("people", "residents"), ("families", "households"),
    ("discussed", "reviewed"), ("presented", "delivered"), ("joined", "took part in"), ("arrived in", "came to"),
]


def edit_sentence(text: str, rng: random.Random) -> str:
    """A small editor's change: one word swapped for a synonym, or a few words appended."""
    for old, new in rng.sample(EDIT_WORDS, len(EDIT_WORDS)):
        if f" {old} " in text:
            return text.replace(f" {old} ", f" {new} ", 1)
    return text.rstrip(".") + ", officials added."


# ------------------------------------------------------------------ Markdown sources for extract


def write_articles(folder: Path, total_bytes: int, seed: int = SEED) -> int:
    """Markdown articles with YAML front matter until ``total_bytes``; returns the article count."""
    rng = random.Random(seed)
    maker = SentenceMaker(rng, make_people(rng, 400))
    folder.mkdir(parents=True, exist_ok=True)
    written, index = 0, 0
    while written < total_bytes:
        paragraphs = []
        for _ in range(rng.randrange(8, 16)):
            sentences = [maker.with_numbers() if rng.random() < NUMBER_SHARE else maker.filler() for _ in range(rng.randrange(2, 6))]
            paragraphs.append(" ".join(s.en for s in sentences))
        title = maker.filler().en.rstrip(".")
        text = (
            f'---\ntitle: "{title}"\ndate: 2024-{index % 12 + 1:02d}-{index % 28 + 1:02d}\npublisher: Bench\nlanguage: en\n---\n\n'
            f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n"
        )
        data = text.encode("utf-8")
        (folder / f"article-{index:06d}.md").write_bytes(data)
        written += len(data)
        index += 1
    return index


PYPROJECT = """[tool.l10n-pipeline]
source_dir = "source_texts"
locales_dir = "locales"
domain = "articles"
source_locale = "en"
locales = ["az", "ru", "tr"]
glossary = "glossary.yaml"

[tool.l10n-pipeline.release]
min_translated = 0.0
max_fuzzy = 100.0
"""
DATE = "2024-01-01 00:00+0000"


def write_project(folder: Path, people: list[tuple[str, str, str, str]]) -> None:
    """The project's configuration and glossary, so that ``l10n`` never reads an enclosing project."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (folder / "glossary.yaml").write_text(glossary_yaml(people), encoding="utf-8")


def write_catalog_corpus(folder: Path, entries: int, locales: tuple[str, ...] = LOCALES) -> dict:
    """A benchmark project: catalogs per locale, two template versions, edits, glossary; returns a manifest."""
    corpus = Corpus(entries)
    write_project(folder, corpus.people)
    (folder / "v1.pot").write_text(catalog_text(corpus.entries, None, DATE), encoding="utf-8")
    for locale in locales:
        (folder / f"{locale}.po").write_text(catalog_text(corpus.entries, locale, DATE), encoding="utf-8")
    second, edits = corpus.next_version()
    (folder / "v2.pot").write_text(catalog_text(second, None, DATE), encoding="utf-8")
    (folder / "edits.json").write_text(json.dumps(edits, ensure_ascii=False, indent=0), encoding="utf-8")
    states = [entry.state for entry in corpus.entries]
    manifest = {
        "entries": entries,
        "locales": list(locales),
        "states": {state: states.count(state) for state in sorted(set(states))},
        "v2_entries": len(second),
        "edits": len(edits),
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", help="catalog size, e.g. 10k")
    parser.add_argument("--articles", help="Markdown source size, e.g. 10MB")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.entries:
        print(json.dumps(write_catalog_corpus(args.out, parse_size(args.entries))))
    if args.articles:
        count = write_articles(args.out / "source_texts", parse_size(args.articles))
        write_project(args.out, Corpus(0).people)
        print(f"{count} articles")


if __name__ == "__main__":
    main()
