"""Other readings of linked place names (`readings.py`, new heads, noun modifiers) on tiny
sentences with given tags, independent of the CRF."""

from __future__ import annotations

import pytest

from pipelines.enrich.entities.linking.context import Verdict, form, sports_words
from tests.enrich.placed import judged, reviewed


def _review(sentence: str, place: str, confidence: float = 0.9, size: int = 1) -> Verdict:
    """The reading and cue passes over the place of `size` words starting at the word `place`
    (tagged LOC)."""
    return reviewed(sentence, place, size=size, confidence=confidence)


def _linked(sentence: str, place: str, confidence: float = 0.9) -> str | None:
    found = _review(sentence, place, confidence).place
    return None if found is None else found.name


@pytest.mark.parametrize(
    ("sentence", "place", "name"),
    [
        ("ويعيش اليوم في مدينة عمان في المملكة الأردنية", "عمان", "Amman"),
        ("تنطلق بالعاصمة الجزائر اليوم أعمال المؤتمر", "الجزائر", "Algiers"),
        ("وصلت إلى العاصمة الأردنية عمان لإقامة معسكر", "عمان", "Amman"),
        ("عدنان خليل - سبق - عمان : أشاد الوزير", "عمان", "Amman"),  # a dateline
        ("عقد الاجتماع في عاصمة الجزائر أمس", "الجزائر", "Algeria"),  # "Algeria's capital"
        ("برقية تهنئة للسلطان قابوس سلطان عمان بمناسبة", "عمان", "Oman"),
        # the sentence names Jordan, not Oman: the namesake city
        ("أكد السفير العراقي في عمان أن حدود بلاده مع الأردن آمنة", "عمان", "Amman"),
        ("على أربع أسواق هي دبي والكويت وعمان والأردن", "وعمان", "Oman"),  # a list
    ],
)
def test_country_name_after_a_city_noun_or_in_a_dateline_is_its_city(
    sentence: str, place: str, name: str
) -> None:
    assert _linked(sentence, place) == name


def test_capital_noun_before_a_country_without_a_city_of_its_name_unlinks_it() -> None:
    verdict = _review("هدفه النهائي وهو مدينة المكسيك .", "المكسيك")
    assert (verdict.kind, verdict.place) == ("LOC", None)


def test_prayer_time_region_and_demonym_accusative_are_no_country() -> None:
    assert _review("بدأ الحفل بعد صلاة المغرب مباشرة", "المغرب").kind is None
    assert _review("وقبل دخول اذان المغرب ليفطر", "المغرب").kind is None
    assert _review("وبين المغرب والعشاء في قريتي", "المغرب").kind is None
    assert _linked("يخططون لاعتداءات في المغرب باسم التنظيم", "المغرب") == "Morocco"
    region = _review("وخبراء من دول المغرب العربي ومنطقة الساحل", "المغرب")
    assert (region.kind, region.start, region.end, region.place) == ("LOC", 3, 5, None)
    assert _review("قال مسؤول إن جنديا تركيا قتل", "تركيا").kind is None  # "a Turkish soldier"
    assert _review("لكن مسؤولا ليبيا رفيعا قال", "ليبيا").kind is None
    assert _linked("وزار الوزير أيضا تركيا الأسبوع", "تركيا") == "Türkiye"  # an adverb
    assert _linked("ثم غادروا سوريا إلى لبنان", "سوريا") == "Syria"  # a verb
    assert _linked("وجاء رعايا إريتريا في المرتبة الثانية", "إريتريا") == "Eritrea"  # a plural


def test_direction_after_a_country_or_continent_after_a_preposition_is_another_place() -> None:
    ireland = _review("ضابط شرطة سابق من أيرلندا الشمالية ، من حضور", "أيرلندا")
    assert (ireland.kind, ireland.start, ireland.end, ireland.place) == ("LOC", 4, 6, None)
    asia = _review("وهي جمهورية سابقة في آسيا الوسطى ، تضم", "آسيا")
    assert (asia.kind, asia.end, asia.place) == ("LOC", 6, None)
    # after a noun in construct the adjective describes the noun: Israel's northern border
    assert _linked("بجولة على حدود إسرائيل الشمالية مع لبنان", "إسرائيل") == "Israel"


def test_place_next_to_a_club_word_or_another_countrys_demonym_is_a_club() -> None:
    monaco = _review("على سبيل الإعارة من موناكو الفرنسي من أجل", "موناكو")
    assert (monaco.kind, monaco.start, monaco.end, monaco.place) == ("ORG", 4, 6, None)
    madrid = _review("قال سيريزو رئيس اتليتيكو مدريد : إن", "مدريد")
    assert (madrid.kind, madrid.start, madrid.end, madrid.place) == ("ORG", 3, 5, None)
    coruna = _review("من الفريق الآخر ديبورتيفو لا كورونيا وقد توج", "لا", size=2)
    assert (coruna.kind, coruna.start, coruna.end, coruna.place) == ("ORG", 3, 6, None)
    assert _linked("يقيمه بمنتجع فنربخشة بتركيا والذي يستمر", "بتركيا") == "Türkiye"


@pytest.mark.parametrize(
    ("sentence", "word", "kind", "start", "end"),
    [
        ("تفاعل زوار فعاليات عيد الرياض مع الأوبريت", "الرياض", "MISC", 3, 5),
        ("مع مسؤولي شركة غاز قطر بشأن عقد", "قطر", "ORG", 2, 5),
        ("وقال الباحث بكلية لندن للطب والصحة", "لندن", "ORG", 2, 4),
        ("بترخيص من مصرف البحرين المركزي في مايو", "البحرين", "ORG", 2, 5),
    ],
)
def test_festival_company_bank_and_college_names_hold_their_place(
    sentence: str, word: str, kind: str, start: int, end: int
) -> None:
    verdict = judged(sentence, word)
    assert (verdict.kind, verdict.start, verdict.end, verdict.place) == (kind, start, end, None)


def test_noun_like_city_before_an_indefinite_adjective_or_verb_is_the_noun() -> None:
    assert _review("يوزعون ويهنئون الناس في مشهد جميل لم نعتد", "مشهد").kind is None
    assert _review("في تأكيد الحجوزات في مشهد يتكرر دائما", "مشهد", 0.96).kind is None
    assert _linked("توجه أبناؤها إلى مشهد بغرض السياحة", "مشهد") == "Mashhad"
    assert _linked("الهجوم على السفير في سيول مما أدى", "سيول", 0.6) == "Seoul"


def test_sports_words_are_normalized_like_the_text() -> None:
    assert sports_words(map(form, ["انتقل", "إلى", "أحد", "الأندية"])) == 1
