"""One compiled pattern per language whose alternatives are the kinds of date expressions.

Each alternative is wrapped in a group named after its kind, so `match.lastgroup` tells which kind
matched; its inner groups are prefixed "<kind>__". Alternatives are ordered most specific first:
at a given position the first one that matches wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from pipelines.arabic import HARAKAT, LETTER_FOLDS, TATWEEL, spellings_of
from pipelines.enrich.dates.vocabulary import (
    DIRECTIONS,
    HIJRI_MONTHS,
    MODIFIERS,
    MONTHS,
    NUMBER_WORDS,
    RELATIVE_DAYS,
    UNITS,
    WEEKDAYS,
)

_ARABIC_FOLDS = {letter: f"[{spellings_of(letter)}]" for letter in set(LETTER_FOLDS.values())}
_DIACRITIC = f"[{HARAKAT}{TATWEEL}]?"


def _surface(word: str, arabic: bool) -> str:
    """Regex for a folded vocabulary word: spelling variants, optional diacritics, any spaces."""
    if not arabic:
        return r"\s+".join(re.escape(part) for part in word.split()).replace("'", "['’]")
    parts = []
    for part in word.split():
        parts.append(
            "".join(_ARABIC_FOLDS.get(char, re.escape(char)) + _DIACRITIC for char in part)
        )
    return r"\s+".join(parts)


def _words(words: Iterable[str], arabic: bool, *, case_sensitive: bool = False) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    if case_sensitive:  # English month and weekday names: capitalized ("May" but not "may")
        ordered = [word[:1].upper() + word[1:] for word in ordered]
    alternatives = "|".join(_surface(word, arabic) for word in ordered)
    return f"(?-i:{alternatives})" if case_sensitive else f"(?:{alternatives})"


def _alternative(kind: str, template: str) -> str:
    body = template.replace("(?P<", f"(?P<{kind}__").replace("(?P=", f"(?P={kind}__")
    return f"(?P<{kind}>{body})"


def _after(*words: str, boundary: str = r"\b") -> str:
    """Lookbehinds: the match must follow one of these words (not part of the mention)."""
    return "(?:" + "|".join(f"(?<={boundary}{re.escape(w)} )" for w in words) + ")"


_DAY = r"(?<![\d.,/])(?P<day>[0-3]?\d)(?![\d,%])"
_NOT_NUMBER_AFTER = r"(?![\d%]|[.,]\d)"
_YEAR = r"(?P<year>\d{4})" + _NOT_NUMBER_AFTER
_PAREN_YEAR = r"(?:\(\s?)?" + _YEAR + r"(?:\s?\))?"
_NUMERIC = (
    r"(?<![\d.,/])(?:\(\s?)?(?P<a>[0-3]?\d)\s?(?P<sep>[/.\-])\s?(?P<b>[0-3]?\d)\s?(?P=sep)"
    r"\s?(?:\(\s?)?(?P<year>\d{4})" + _NOT_NUMBER_AFTER + r"(?:\s?\))?"
)
_ISO = r"(?<![\d.,/])(?P<year>\d{4})-(?P<b>[01]\d)-(?P<a>[0-3]\d)(?!\d)"
_AR_START = r"(?:(?<=\b[وفبل])|(?<=\b[وف][بل])|\b)"
_END = r"(?!\w)"


def _arabic() -> list[tuple[str, str]]:
    month = f"(?P<month>{_words(MONTHS['ar'], True)})"
    other_month = rf"(?:\s?[/(]\s?{_words(MONTHS['ar'], True)}\s?\)?)?"
    hmonth = f"(?P<hmonth>{_words(HIJRI_MONTHS, True)})"
    hsuffix = r"(?:\s?(?P<suffix>هـ|ه|هجري|هجرية|للهجرة|م|ميلادي|ميلادية)(?!\w))?"
    year_word = _words(("عام", "العام", "سنة", "السنة", "لعام"), True)
    mod = f"(?P<mod>{_words(MODIFIERS['ar'], True)})"
    number = f"(?P<num>\\d{{1,3}}|{_words(NUMBER_WORDS['ar'], True)})"
    unit = _words((u for u in UNITS["ar"] if not u.startswith("ال")), True)
    the_unit = _words((u for u in UNITS["ar"] if u.startswith("ال")), True)
    return [
        ("hijri_date", rf"{_DAY}\s+(?:من\s+)?{hmonth}\s+(?:{year_word}\s+)?{_PAREN_YEAR}{hsuffix}"),
        (
            "day_month",
            rf"(?:يوم\s+)?{_DAY}\s+(?:من\s+)?{month}{other_month}"
            rf"(?:\s*[,،]?\s*(?:(?:من\s+)?{year_word}\s+)?{_PAREN_YEAR})?{_END}",
        ),
        (
            "hijri_month",
            rf"(?:شهر\s+)?{hmonth}\s+(?:(?:من\s+)?{year_word}\s+)?{_PAREN_YEAR}{hsuffix}",
        ),
        ("numeric", _NUMERIC),
        ("iso", _ISO),
        (
            "month_year",
            rf"{_AR_START}(?:شهر\s+)?{month}{other_month}\s*[,،]?\s*"
            rf"(?:(?:من\s+)?{year_word}\s+)?{_PAREN_YEAR}",
        ),
        ("month_mod", rf"{_AR_START}(?:شهر\s+)?{month}{other_month}\s+{mod}{_END}"),
        ("hijri_mod", rf"{_AR_START}(?:شهر\s+)?{hmonth}\s+{mod}{_END}"),
        ("hijri_bare", rf"{_AR_START}شهر\s+{hmonth}{_END}"),
        ("year", rf"{_AR_START}{year_word}\s+{_PAREN_YEAR}{hsuffix}"),
        ("year", r"(?<![\d.,/])(?P<year>1[34]\d\d)\s?(?P<suffix>هـ|هجري|هجرية|للهجرة)(?!\w)"),
        (
            "ago",
            rf"{_AR_START}(?P<dir>{_words(DIRECTIONS['ar'], True)})\s+(?:{number}\s+)?"
            rf"(?P<unit>{unit}){_END}",
        ),
        ("unit_mod", rf"{_AR_START}(?P<unit>{the_unit})\s+{mod}{_END}"),
        ("mod_unit", rf"{_AR_START}{mod}\s+(?P<unit>{the_unit}){_END}"),
        ("relative_day", rf"{_AR_START}(?P<word>{_words(RELATIVE_DAYS['ar'], True)}){_END}"),
        (
            "weekday",
            rf"{_AR_START}(?:يوم\s+)?(?P<weekday>{_words(WEEKDAYS['ar'], True)})"
            rf"(?:\s+{mod})?{_END}",
        ),
        (
            "month",
            _after(
                "في",
                "منذ",
                "حتى",
                "خلال",
                "شهر",
                "مطلع",
                "بداية",
                "نهاية",
                "أواخر",
                "أوائل",
                "منتصف",
                "أواسط",
                "بتاريخ",
                boundary="",
            )
            + rf"{month}{other_month}{_END}",
        ),
        (
            "year",
            _after("في", "منذ", "حتى", "قبل", "بعد", "خلال", boundary="")
            + r"(?P<year>(?:19|20)\d\d)"
            + _NOT_NUMBER_AFTER,
        ),
        ("year", r"\(\s?(?P<year>(?:19|20)\d\d)\s?\)"),
    ]


def _latin(language: str) -> list[tuple[str, str]]:
    english = language == "en"
    # "Mar. 5": an abbreviation's period, never a sentence's
    month = (
        f"(?P<month>{_words(MONTHS[language], False, case_sensitive=english)})(?:\\.(?=\\s*\\d))?"
    )
    weekday = _words(WEEKDAYS[language], False, case_sensitive=english)
    mod = f"(?P<mod>{_words(MODIFIERS[language], False)})"
    unit = f"(?P<unit>{_words(UNITS[language], False)})"
    number = f"(?P<num>\\d{{1,3}}|{_words(NUMBER_WORDS[language], False)})"
    relative_day = f"(?P<word>{_words(RELATIVE_DAYS[language], False)})"
    if english:
        after = _after(
            "in",
            "since",
            "until",
            "by",
            "during",
            "from",
            "before",
            "after",
            "early",
            "late",
            "mid",
            "of",
        )
        specific = [
            (
                "day_month",
                rf"(?:{weekday},?\s+)?(?:the\s+)?{_DAY}(?:st|nd|rd|th)?\s+(?:of\s+)?{month}"
                rf"(?:,?\s+{_YEAR})?{_END}",
            ),
            (
                "month_day",
                rf"(?:{weekday},?\s+)?{month}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
                rf"(?:,?\s+{_YEAR})?{_END}",
            ),
        ]
        relative = [
            ("month_mod", rf"\b{mod}\s+{month}{_END}"),
            ("ago", rf"\b{number}\s+{unit}\s+(?P<dir>ago)\b"),
            ("ago", rf"\b(?P<dir>in)\s+{number}\s+{unit}\b"),
            ("mod_unit", rf"\b{mod}\s+{unit}\b"),
            ("relative_day", rf"\b{relative_day}\b"),
            ("weekday", rf"\b(?:{mod}\s+)?(?P<weekday>{weekday})\b"),
        ]
    else:
        after = _after("en", "depuis", "dès", "avant", "après", "fin", "début", "mi", "jusqu'en")
        specific = [
            (
                "day_month",
                rf"(?:{weekday}\s+)?{_DAY}(?:er)?\s+{month}(?:\s+{_YEAR})?{_END}",
            ),
        ]
        relative = [
            ("month_mod", rf"\b{month}\s+{mod}\b"),
            ("ago", rf"\b(?P<dir>il\s+y\s+a|dans)\s+{number}\s+{unit}\b"),
            ("unit_mod", rf"\b(?:la\s+|le\s+|l['’])?{unit}\s+{mod}\b"),
            ("mod_unit", rf"\b{mod}\s+{unit}\b"),
            ("relative_day", rf"(?<![\w-]){relative_day}(?![\w-])"),
            ("weekday", rf"\b(?P<weekday>{weekday})(?:\s+{mod})?\b"),
        ]
    return [
        *specific,
        ("numeric", _NUMERIC),
        ("iso", _ISO),
        ("month_year", rf"\b{month},?\s+(?:of\s+)?{_YEAR}"),
        *relative,
        ("month", rf"{after}{month}{_END}"),
        ("year", rf"{after}(?P<year>(?:19|20)\d\d){_NOT_NUMBER_AFTER}"),
        ("year", r"\(\s?(?P<year>(?:19|20)\d\d)\s?\)"),
    ]


@cache
def language_pattern(language: str) -> re.Pattern[str] | None:
    """The compiled pattern for 'ar', 'en' or 'fr'; None for other languages."""
    if language == "ar":
        alternatives = _arabic()
    elif language in ("en", "fr"):
        alternatives = _latin(language)
    else:
        return None
    seen: dict[str, int] = {}
    parts = []
    for kind, template in alternatives:
        seen[kind] = seen.get(kind, 0) + 1
        name = kind if seen[kind] == 1 else f"{kind}{seen[kind]}"
        parts.append(_alternative(name, template))
    return re.compile("|".join(parts), re.IGNORECASE)
