"""Words of date expressions per language, and the normalization that makes them lookup keys."""

from __future__ import annotations

import re

from pipelines.arabic import HARAKAT, LETTER_FOLDS, TATWEEL

# Arabic alef/ta marbuta/ya variants folded; tanween, harakat and tatweel removed.
FOLD_TABLE = str.maketrans(LETTER_FOLDS | {"’": "'"} | dict.fromkeys(HARAKAT + TATWEEL))
_SPACES_RE = re.compile(r"[\s\u00a0]+")


def word_key(text: str) -> str:
    """Lookup key: lower case, spelling variants folded, single spaces."""
    return _SPACES_RE.sub(" ", text.translate(FOLD_TABLE).lower()).strip()


def _numbered(*lines: str) -> dict[str, int]:
    """{word: position (1-based)} for "|"-separated lines in calendar order."""
    return {word_key(w): i for line in lines for i, w in enumerate(line.split("|"), 1) if w}


MONTHS: dict[str, dict[str, int]] = {
    "ar": _numbered(
        "يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر",
        "|||إبريل||يونيه|يوليه|آغسطس||||",
        "كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني"
        "|كانون الأول",
        "جانفي|فيفري||أفريل|ماي|جوان|جويلية|أوت||||",
    ),
    "en": _numbered(
        "January|February|March|April|May|June|July|August|September|October|November|December",
        "Jan|Feb|Mar|Apr||Jun|Jul|Aug|Sept|Oct|Nov|Dec",
        "|||||||||Sep||",
    ),
    "fr": _numbered(
        "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre",
        "janv|fevrier|||||juil|aout|sept||||",
        "|févr||avr||||||oct|nov|déc",
        "|||||||||||decembre",
    ),
}
HIJRI_MONTHS = _numbered(
    "محرم|صفر|ربيع الأول|ربيع الآخر|جمادى الأولى|جمادى الآخرة|رجب|شعبان|رمضان|شوال"
    "|ذو القعدة|ذو الحجة",
    "|||ربيع الثاني|جمادى الأول|جمادى الثانية||||||ذي الحجة",
    "||ربيع أول|ربيع ثاني|جمادى الاولى|جمادي الآخرة||||||ذي القعدة",
)
WEEKDAYS: dict[str, dict[str, int]] = {  # Monday = 0, as datetime.weekday()
    "ar": {
        word_key(w): i
        for i, line in enumerate(
            ("الاثنين الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
        )
        for w in line.split()
    },
    "en": {
        w.lower(): i
        for i, w in enumerate(
            ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        )
    },
    "fr": {
        w: i
        for i, w in enumerate(
            ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
        )
    },
}

# Day offsets of single relative words.
RELATIVE_DAYS: dict[str, dict[str, int]] = {
    "ar": {
        word_key(w): n
        for w, n in (
            ("أمس", -1),
            ("الأمس", -1),
            ("البارحة", -1),
            ("أول أمس", -2),
            ("أمس الأول", -2),
            ("اليوم", 0),
            ("الليلة", 0),
            ("غدا", 1),
            ("الغد", 1),
            ("بعد غد", 2),
            ("بكرة", 1),
            ("بكرا", 1),
        )
    },
    "en": {
        "yesterday": -1,
        "today": 0,
        "tonight": 0,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    },
    "fr": {
        "hier": -1,
        "avant-hier": -2,
        "aujourd'hui": 0,
        "ce soir": 0,
        "demain": 1,
        "après-demain": 2,
    },
}

# Units of "3 days ago" / "last week": value = (granularity, step in days or months).
UNITS: dict[str, dict[str, tuple[str, int]]] = {
    "ar": {
        **{word_key(w): ("day", 1) for w in ["يوم", "يوما", "أيام"]},
        **{word_key(w): ("week", 1) for w in ["أسبوع", "أسبوعا", "أسابيع", "الأسبوع"]},
        **{word_key(w): ("month", 1) for w in ["شهر", "شهرا", "أشهر", "شهور", "الشهر"]},
        **{
            word_key(w): ("year", 1)
            for w in ["عام", "عاما", "أعوام", "سنة", "سنوات", "سنين", "العام", "السنة"]
        },
        # duals carry their own count
        word_key("يومين"): ("day", 2),
        word_key("أسبوعين"): ("week", 2),
        word_key("شهرين"): ("month", 2),
        word_key("عامين"): ("year", 2),
        word_key("سنتين"): ("year", 2),
    },
    "en": {
        **{w: ("day", 1) for w in ("day", "days")},
        **{w: ("week", 1) for w in ("week", "weeks")},
        **{w: ("month", 1) for w in ("month", "months")},
        **{w: ("year", 1) for w in ("year", "years")},
    },
    "fr": {
        **{w: ("day", 1) for w in ("jour", "jours")},
        **{w: ("week", 1) for w in ("semaine", "semaines")},
        **{w: ("month", 1) for w in ("mois",)},
        **{w: ("year", 1) for w in ("an", "ans", "année", "années")},
    },
}

NUMBER_WORDS: dict[str, dict[str, int]] = {
    "ar": {
        word_key(w): n
        for n, forms in enumerate(
            (
                "واحد واحدة",
                "اثنين اثنتين",
                "ثلاثة ثلاث",
                "أربعة أربع",
                "خمسة خمس",
                "ستة ست",
                "سبعة سبع",
                "ثمانية ثماني ثمان",
                "تسعة تسع",
                "عشرة عشر",
            ),
            start=1,
        )
        for w in forms.split()
    },
    "en": {
        w: n
        for n, w in enumerate(
            [
                "one",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten",
                "eleven",
                "twelve",
            ],
            start=1,
        )
    }
    | {"a": 1, "an": 1},
    "fr": {
        w: n
        for n, w in enumerate(
            [
                "un",
                "deux",
                "trois",
                "quatre",
                "cinq",
                "six",
                "sept",
                "huit",
                "neuf",
                "dix",
                "onze",
                "douze",
            ],
            start=1,
        )
    }
    | {"une": 1},
}

# Modifiers: -1 = previous, +1 = next, 0 = current.
MODIFIERS: dict[str, dict[str, int]] = {
    "ar": {
        word_key(w): n
        for words, n in (
            ("الماضي الماضية المنصرم المنصرمة الفائت الفائتة السابق السابقة", -1),
            ("المقبل المقبلة القادم القادمة التالي التالية", 1),
            ("الجاري الجارية الحالي الحالية هذا هذه", 0),
        )
        for w in words.split()
    },
    "en": {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0},
    "fr": {
        "dernier": -1,
        "dernière": -1,
        "passé": -1,
        "passée": -1,
        "prochain": 1,
        "prochaine": 1,
        "ce": 0,
        "cet": 0,
        "cette": 0,
    },
}
# Words before a number + unit: -1 = ago, +1 = from now.
DIRECTIONS: dict[str, dict[str, int]] = {
    "ar": {word_key("منذ"): -1, word_key("قبل"): -1, word_key("بعد"): 1},
    "en": {"ago": -1, "in": 1},
    "fr": {"il y a": -1, "dans": 1},
}
HIJRI_SUFFIXES = frozenset(word_key(w) for w in ("هـ", "ه", "هجري", "هجرية", "للهجرة"))


def _first_words(words: dict[str, int]) -> set[str]:
    return {word.split()[0] for word in words}


def _key_words(words: dict[str, int]) -> set[str]:
    """For multi-word phrases, a word that is a phrase of its own, else the last word."""
    single = {word for word in words if " " not in word}
    return single | {
        next((part for part in word.split() if part in single), word.split()[-1])
        for word in words
        if " " in word
    }


# Words every date expression contains at least one of (besides digits): candidate spans are only
# looked for around them, so the patterns never scan ordinary text.
CORE_WORDS: dict[str, frozenset[str]] = {
    language: frozenset(
        _first_words(MONTHS[language])
        | _first_words(WEEKDAYS[language])
        | _key_words(RELATIVE_DAYS[language])
        | set(UNITS[language])
        | (_first_words(HIJRI_MONTHS) | {"شهر"} if language == "ar" else set())
    )
    for language in ("ar", "en", "fr")
}
