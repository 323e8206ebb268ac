"""Hand lexicons for what CLDR (through Babel) does not provide.

Everything else (symbols, month names, scale words, currency names) comes from Babel; see
``locale_data.py``. Keys are casefolded.
"""

from __future__ import annotations

PERCENT_WORDS_AFTER: dict[str, tuple[str, ...]] = {
    "en": ("percent", "per cent", "pct"),
    "az": ("faiz",),
    "ru": ("процент", "проц."),
    "tr": ("yüzde",),  # also after, rarely; the usual place is before
    "de": ("prozent",),
    "fr": ("pour cent", "pourcent"),
    "ar": ("في المئة", "في المائة", "بالمئة", "بالمائة"),
    "fa": ("درصد",),
    "ur": ("فیصد",),
    "hi": ("प्रतिशत",),
}
PERCENT_WORDS_BEFORE: dict[str, tuple[str, ...]] = {"tr": ("yüzde",), "ar": ("نسبة",)}

# Quantifiers that look numeric but carry no exact value.
VAGUE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("hundreds", "thousands", "millions", "billions", "dozens", "dozen", "tens", "scores",
           "several", "a few", "few", "both", "couple"),
    "az": ("yüzlərlə", "minlərlə", "milyonlarla", "milyardlarla", "onlarla", "bir neçə", "hər iki",
           "bir çox", "bir sıra", "çoxlu", "neçə", "dörd bir"),
    "ru": ("сотни", "сотен", "сотнями", "десятки", "десятков", "несколько", "нескольких", "оба",
           "обоих", "обе", "тысячи", "миллионы", "миллиарды"),
    "tr": ("yüzlerce", "binlerce", "milyonlarca", "milyarlarca", "onlarca", "birkaç", "her iki",
           "bir çok", "birçok", "bir sürü", "dört bir"),
    "de": ("hunderte", "tausende", "millionen", "dutzende", "mehrere", "beide"),
    "fr": ("des centaines", "centaines", "des milliers", "milliers", "des millions", "dizaines",
           "plusieurs"),
    "ar": ("مئات", "آلاف", "ملايين", "عشرات"),
    "fa": ("صدها", "هزاران", "میلیون‌ها", "ده‌ها"),
    "ur": ("سینکڑوں", "ہزاروں", "لاکھوں", "کئی"),
    "hi": ("सैकड़ों", "हज़ारों", "लाखों", "कई"),
}

# Endings after a hyphen, apostrophe or directly after the digits that mark an ordinal.
ORDINAL_SUFFIXES: dict[str, tuple[str, ...]] = {
    "en": ("st", "nd", "rd", "th"),
    "az": ("ci", "cı", "cu", "cü", "nci", "ncı", "ncu", "ncü", "inci", "ıncı", "uncu", "üncü"),
    "tr": ("nci", "ncı", "ncu", "ncü", "inci", "ıncı", "uncu", "üncü", "ci", "cı", "cu", "cü"),
    "ru": ("й", "я", "е", "го", "му", "м", "х", "ый", "ий", "ой", "ая", "ое", "ого", "ому", "ым",
           "ом", "ых", "ми", "ая", "ую", "ей"),
    "fr": ("e", "er", "re", "ère", "ème", "ᵉ", "eme"),
    "fa": ("م", "مین", "ام", "امین"),
    "ur": ("ویں", "واں", "واں"),
    "hi": ("वाँ", "वीं", "वें", "वां"),
}

# Scale abbreviations in use but absent from CLDR short forms.
EXTRA_SCALES: dict[str, dict[str, int]] = {
    "en": {"bn": 10**9, "mn": 10**6, "mln": 10**6, "m": 10**6, "k": 10**3},
    "az": {"mln.": 10**6, "mlrd.": 10**9, "min.": 10**3},
    "ru": {"тыс": 10**3, "млн.": 10**6, "млрд.": 10**9, "тысяч.": 10**3},
    "tr": {"mn.": 10**6, "mlr": 10**9, "milyarlık": 10**9},
    "de": {"tsd.": 10**3, "tsd": 10**3, "mio": 10**6, "mrd": 10**9},
    "fr": {"mds": 10**9, "md": 10**9},
    "ar": {"الف": 10**3, "مليار": 10**9},
    "fa": {},
    "ur": {},
    "hi": {},
}

# Languages num2words lacks: a small lexicon of cardinals is enough for news copy.
HAND_NUMBER_WORDS: dict[str, dict[str, int]] = {
    "ur": {"ایک": 1, "دو": 2, "تین": 3, "چار": 4, "پانچ": 5, "چھ": 6, "سات": 7, "آٹھ": 8,
           "نو": 9, "دس": 10, "بیس": 20, "تیس": 30, "بتیس": 32, "سو": 100},
    "hi": {"एक": 1, "दो": 2, "तीन": 3, "चार": 4, "पाँच": 5, "पांच": 5, "छह": 6, "सात": 7,
           "आठ": 8, "नौ": 9, "दस": 10, "बीस": 20, "तीस": 30, "बत्तीस": 32, "सौ": 100},
}

# Words next to a lone Roman letter that make it a numeral ("X век", "V əsr").
CENTURY_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("century", "centuries"),
    "az": ("əsr",),
    "ru": ("век", "вв", "в.", "столет"),
    "tr": ("yüzyıl", "asır", "asr"),
    "de": ("jahrhundert",),
    "fr": ("siècle",),
}

# Idioms written with digits that are not quantities.
IDIOMS = ("24/7", "50/50", "365/24")

# Solar Hijri month names (Babel has no Persian calendar).
PERSIAN_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر",
                  "دی", "بهمن", "اسفند")

# The home locale of each currency: its own symbol comes from there (₼ from az, ₽ from ru).
CURRENCY_HOMES: dict[str, str] = {
    "USD": "en", "EUR": "de", "GBP": "en_GB", "AZN": "az", "RUB": "ru", "TRY": "tr", "CHF": "de_CH", "INR": "hi", "PKR": "ur", "IRR": "fa", "SAR": "ar_SA",
    "AED": "ar_AE", "UAH": "uk", "GEL": "ka", "KZT": "kk",
}


# Currencies whose names (not only symbols and codes) are read in running text.
NAMED_CURRENCIES = ("USD", "EUR", "GBP", "AZN", "RUB", "TRY", "CHF", "INR", "PKR")
