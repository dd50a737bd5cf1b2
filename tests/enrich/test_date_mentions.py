"""find_date_mentions: exact spans and resolutions for Arabic, English and French fixtures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipelines.enrich.dates import DateMention, find_date_mentions

ANCHOR = date(2025, 4, 28)  # the seed's publication day, a Monday
SEED = Path(__file__).resolve().parent.parent / "clean" / "fixtures" / "seed_article.txt"


def found(text: str, language: str, anchor: date | None = ANCHOR) -> list[tuple[object, ...]]:
    return [
        (m.text, m.resolved_start, m.resolved_end, m.granularity, m.is_relative, m.calendar)
        for m in find_date_mentions(text, language, anchor)
    ]


def test_seed_last_june_is_june_2024() -> None:
    text = SEED.read_text(encoding="utf-8")
    mentions = [m for m in find_date_mentions(text, "ar", ANCHOR) if "يونيو" in m.text]
    assert mentions == [
        DateMention(
            "يونيو الماضي",
            text.index("يونيو الماضي"),
            text.index("يونيو الماضي") + len("يونيو الماضي"),
            date(2024, 6, 1),
            date(2024, 6, 30),
            "month",
            True,
            "gregorian",
        )
    ]


G, H = "gregorian", "hijri"
ARABIC_CASES = [
    ("وقال أمس إن", ("أمس", date(2025, 4, 27), date(2025, 4, 27), "day", True, G)),
    ("يعقد اليوم", ("اليوم", ANCHOR, ANCHOR, "day", True, G)),
    (
        "في الأسبوع الماضي",
        ("الأسبوع الماضي", date(2025, 4, 21), date(2025, 4, 27), "week", True, G),
    ),
    ("منذ ثلاثة أيام", ("منذ ثلاثة أيام", date(2025, 4, 25), date(2025, 4, 25), "day", True, G)),
    ("في العام المقبل", ("العام المقبل", date(2026, 1, 1), date(2026, 12, 31), "year", True, G)),
    ("في 5 حزيران 2023", ("5 حزيران 2023", date(2023, 6, 5), date(2023, 6, 5), "day", False, G)),
    ("في ١٢ نيسان ٢٠٢٤", ("١٢ نيسان ٢٠٢٤", date(2024, 4, 12), date(2024, 4, 12), "day", False, G)),
    ("منذ شباط 2022", ("شباط 2022", date(2022, 2, 1), date(2022, 2, 28), "month", False, G)),
    (
        "في 15 رمضان 1446 هـ",
        ("15 رمضان 1446 هـ", date(2025, 3, 15), date(2025, 3, 15), "day", False, H),
    ),
    ("رمضان 1446", ("رمضان 1446", date(2025, 3, 1), date(2025, 3, 29), "month", False, H)),
    ("خلال شهر رمضان", ("شهر رمضان", None, None, "month", False, H)),
    ("الخميس الماضي", ("الخميس الماضي", date(2025, 4, 24), date(2025, 4, 24), "day", True, G)),
    ("في عام 2019", ("عام 2019", date(2019, 1, 1), date(2019, 12, 31), "year", False, G)),
    ("بتاريخ 28/04/2025", ("28/04/2025", ANCHOR, ANCHOR, "day", False, G)),
]


@pytest.mark.parametrize(("text", "expected"), ARABIC_CASES)
def test_arabic(text: str, expected: tuple[object, ...]) -> None:
    assert found(text, "ar") == [expected]


ENGLISH_TEXT = (
    "Officials said yesterday that the deal, signed on April 2, 2024 and reviewed last June, "
    "would start next week. Three days ago the board met; in 2019 it had met in March."
)
FRENCH_TEXT = (
    "Hier, le ministre a rappelé que le 1er février 2024, puis il y a trois jours, "
    "la semaine dernière et en mars, l'année prochaine."
)


def test_english() -> None:
    assert found(ENGLISH_TEXT, "en") == [
        ("yesterday", date(2025, 4, 27), date(2025, 4, 27), "day", True, G),
        ("April 2, 2024", date(2024, 4, 2), date(2024, 4, 2), "day", False, G),
        ("last June", date(2024, 6, 1), date(2024, 6, 30), "month", True, G),
        ("next week", date(2025, 5, 5), date(2025, 5, 11), "week", True, G),
        ("Three days ago", date(2025, 4, 25), date(2025, 4, 25), "day", True, G),
        ("2019", date(2019, 1, 1), date(2019, 12, 31), "year", False, G),
        ("March", date(2025, 3, 1), date(2025, 3, 31), "month", True, G),
    ]


def test_french() -> None:
    assert found(FRENCH_TEXT, "fr") == [
        ("Hier", date(2025, 4, 27), date(2025, 4, 27), "day", True, G),
        ("1er février 2024", date(2024, 2, 1), date(2024, 2, 1), "day", False, G),
        ("il y a trois jours", date(2025, 4, 25), date(2025, 4, 25), "day", True, G),
        ("la semaine dernière", date(2025, 4, 21), date(2025, 4, 27), "week", True, G),
        ("mars", date(2025, 3, 1), date(2025, 3, 31), "month", True, G),
        ("l'année prochaine", date(2026, 1, 1), date(2026, 12, 31), "year", True, G),
    ]


def test_relative_mentions_stay_unresolved_without_a_publication_date() -> None:
    assert found("وقال أمس إن 5 حزيران 2023", "ar", anchor=None) == [
        ("أمس", None, None, "day", True, G),
        ("5 حزيران 2023", date(2023, 6, 5), date(2023, 6, 5), "day", False, G),
    ]


def test_month_first_numeric_dates_when_asked() -> None:
    us = find_date_mentions("on 04/05/2025", "en", ANCHOR, day_first=False)
    assert [(m.text, m.resolved_start) for m in us] == [("04/05/2025", date(2025, 4, 5))]


def test_ordinary_text_and_other_languages_have_no_mentions() -> None:
    assert found("The may be 2900 grams and 48 percent of 950 million.", "en") == []
    assert found("Heute ist der 3. März 2024.", "de") == []
