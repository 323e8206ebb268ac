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

# Languages num2words lacks: cardinals up to the thirties (days, centuries) and the tens.
HAND_NUMBER_WORDS: dict[str, dict[str, int]] = {
    "ur": {"ایک": 1, "دو": 2, "تین": 3, "چار": 4, "پانچ": 5, "چھ": 6, "سات": 7, "آٹھ": 8,
           "نو": 9, "دس": 10, "گیارہ": 11, "بارہ": 12, "تیرہ": 13, "چودہ": 14, "پندرہ": 15,
           "سولہ": 16, "سترہ": 17, "اٹھارہ": 18, "انیس": 19, "بیس": 20, "اکیس": 21, "بائیس": 22,
           "تئیس": 23, "چوبیس": 24, "پچیس": 25, "چھبیس": 26, "ستائیس": 27, "اٹھائیس": 28,
           "انتیس": 29, "تیس": 30, "اکتیس": 31, "بتیس": 32, "چالیس": 40, "پچاس": 50, "ساٹھ": 60,
           "ستر": 70, "اسی": 80, "نوے": 90, "سو": 100},
    "hi": {"एक": 1, "दो": 2, "तीन": 3, "चार": 4, "पाँच": 5, "पांच": 5, "छह": 6, "सात": 7,
           "आठ": 8, "नौ": 9, "दस": 10, "ग्यारह": 11, "बारह": 12, "तेरह": 13, "चौदह": 14,
           "पंद्रह": 15, "सोलह": 16, "सत्रह": 17, "अठारह": 18, "उन्नीस": 19, "बीस": 20,
           "इक्कीस": 21, "बाईस": 22, "तेईस": 23, "चौबीस": 24, "पच्चीस": 25, "छब्बीस": 26,
           "सत्ताईस": 27, "अट्ठाईस": 28, "उनतीस": 29, "तीस": 30, "इकतीस": 31, "बत्तीस": 32,
           "चालीस": 40, "पचास": 50, "साठ": 60, "सत्तर": 70, "अस्सी": 80, "नब्बे": 90, "सौ": 100},
}

# Ordinals of the hand lexicons: the irregular first few, and the regular ending on a cardinal
# (ur بیس → بیسواں/بیسویں, hi बीस → बीसवाँ/बीसवीं/बीसवें).
HAND_ORDINAL_WORDS: dict[str, dict[str, int]] = {
    "ur": {"پہلا": 1, "پہلی": 1, "پہلے": 1, "دوسرا": 2, "دوسری": 2, "دوسرے": 2, "تیسرا": 3,
           "تیسری": 3, "تیسرے": 3, "چوتھا": 4, "چوتھی": 4, "چوتھے": 4, "چھٹا": 6, "چھٹی": 6,
           "چھٹے": 6, "نواں": 9, "نویں": 9},
    "hi": {"पहला": 1, "पहली": 1, "पहले": 1, "दूसरा": 2, "दूसरी": 2, "दूसरे": 2, "तीसरा": 3,
           "तीसरी": 3, "तीसरे": 3, "चौथा": 4, "चौथी": 4, "चौथे": 4, "छठा": 6, "छठी": 6, "छठे": 6, "नवाँ": 9, "नवीं": 9,
           "नवें": 9},
}
REGULAR_ORDINAL_ENDINGS: dict[str, tuple[str, ...]] = {
    "ur": ("واں", "ویں", "وے"),
    "hi": ("वाँ", "वां", "वीं", "वें"),
}

# Number words that are also common words of the language (ur نو "new", سو "so", دو "give";
# az/tr "on" is English "on" in untranslated text, "yüz" "face", "altı" "under"; fr "neuf" "new").
# Read from such a word, a number is weak: it matches a partner but is never reported alone.
AMBIGUOUS_NUMBER_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"one", "second"}),
    "az": frozenset({"on", "yüz", "altı", "min", "qırx"}),
    "tr": frozenset({"on", "yüz", "altı", "yedi", "bin", "elli", "kırk"}),
    "ru": frozenset({"три", "раз"}),
    "de": frozenset({"acht", "elf"}),
    "fr": frozenset({"neuf"}),
    "fa": frozenset({"ده", "شش"}),
    "ur": frozenset({"نو", "سو", "دو"}),
    "hi": frozenset({"दो", "सौ"}),
}

# Words standing between a year and a month name in one date ("1994-cü il fevralın 26-da").
YEAR_WORDS: dict[str, tuple[str, ...]] = {
    "az": ("il", "ilin", "ili"),
    "tr": ("yılı", "yılının", "yılında", "yılı'nın"),
}

# Phrases naming the night that ends on the day they go with, so that one day stands for two:
# ru "в ночь на 26 февраля" and az "fevralın 26-na keçən gecə" (the day in the dative) are the
# night of February 25-26. Before the day (ru) or right after the date (az).
NIGHT_BEFORE_DAY: dict[str, tuple[str, ...]] = {"ru": ("ночь на", "ночью на")}
NIGHT_AFTER_DATE: dict[str, tuple[str, ...]] = {"az": ("keçən gecə", "keçən gecəsi")}

# "And a half" between a cardinal and a scale word or unit: ru "две с половиной тысячи" = 2500.
HALF_AFTER: dict[str, tuple[str, ...]] = {
    "en": ("and a half",),
    "ru": ("с половиной",),
    "az": ("yarım",),
    "tr": ("buçuk",),
}
# One word for one and a half (ru "полторы тысячи" = 1500), and a half glued to a scale word
# (ru "полмиллиона" = 500000).
ONE_AND_A_HALF: dict[str, tuple[str, ...]] = {"ru": ("полтора", "полторы", "полутора")}
HALF_PREFIXES: dict[str, tuple[str, ...]] = {"ru": ("пол",)}

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
