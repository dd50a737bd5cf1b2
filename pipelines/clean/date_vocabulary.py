"""Month names, weekday names and date-line labels the fast date path understands."""

from __future__ import annotations

import re

from pipelines.arabic import ASCII_DIGITS

# One line per language or spelling, months in calendar order ("|" because of "كانون الثاني").
_MONTH_NAME_LINES = (
    "january|february|march|april|may|june|july|august|september|october|november|december",
    "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec",
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre",
    "janv|fevrier|mars|avr|mai|juin|juil|aout|sept|oct|nov|decembre",
    "janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc",
    "januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember",
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre",
    "ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık",
    # Arabic: Egyptian/Gulf transliterations and their spelling variants.
    "يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر",
    "يناير|فبراير|مارس|ابريل|مايو|يونيه|يوليه|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر",
    "يناير|فبراير|مارس|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر",
    # Levantine/Iraqi names, with and without hamza.
    "كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول",
    "كانون الثاني|شباط|اذار|نيسان|ايار|حزيران|تموز|اب|ايلول|تشرين الاول|تشرين الثاني|كانون الاول",
    # Maghrebi names.
    "جانفي|فيفري|مارس|أفريل|ماي|جوان|جويلية|أوت|سبتمبر|أكتوبر|نوفمبر|ديسمبر",
)
MONTH_NUMBER_BY_NAME: dict[str, int] = {
    name: number
    for line in _MONTH_NAME_LINES
    for number, name in enumerate(line.split("|"), start=1)
}
# Longest first so that "كانون الثاني" wins over shorter alternatives.
MONTH_NAME_PATTERN = "|".join(
    re.escape(name) for name in sorted(MONTH_NUMBER_BY_NAME, key=len, reverse=True)
)


def _word_set(*groups: str) -> frozenset[str]:
    return frozenset(word for group in groups for word in group.split())


WEEKDAY_NAMES = _word_set(
    "monday tuesday wednesday thursday friday saturday sunday",
    "mon tue tues wed thu thur thurs fri sat sun",
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "lunes martes miércoles jueves viernes sábado domingo",
    "pazartesi salı çarşamba perşembe cuma cumartesi pazar",
    "الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت الأحد الاحد",
)
WEEKDAY_NAME_PATTERN = "|".join(
    re.escape(name) for name in sorted(WEEKDAY_NAMES, key=len, reverse=True)
)

# Words that may sit between the parts of a date line ("28 April 2025 at 07:41").
DATE_FILLER_WORDS = _word_set(
    "at on of the am pm a.m p.m utc gmt z t h à le de del um uhr saat",
    "الساعة ساعة في ص م صباحا صباحاً مساء مساءً بتوقيت غرينتش",
)

DATE_LINE_LABEL_RE = re.compile(
    r"^\s*(?:"
    r"(?:first\s+|last\s+)?(?:published|posted|updated|modified|date|dated)(?:\s+(?:on|at))?"
    r"|publié(?:\s+le)?|mis\s+à\s+jour(?:\s+le)?|date\s+de\s+publication"
    r"|veröffentlicht(?:\s+am)?|aktualisiert(?:\s+am)?|stand"
    r"|publicado(?:\s+el)?|actualizado(?:\s+el)?"
    r"|yayınlanma(?:\s+tarihi)?|yayın\s+tarihi|güncellenme(?:\s+tarihi)?|güncelleme"
    r"|نُ?شِ?ر(?:\s+(?:في|بتاريخ|يوم))?|تاريخ\s+النشر|آخر\s+تحديث|تم\s+النشر(?:\s+في)?"
    r"|تحديث|بتاريخ"
    r")\s*[:：\-–—|]?\s*",
    re.IGNORECASE,
)

ASCII_DIGITS_TABLE = ASCII_DIGITS | {ord("،"): ord(",")}  # and the Arabic comma


def strip_date_label(text: str) -> str:
    return DATE_LINE_LABEL_RE.sub("", text, count=1)
