"""A place name inside a longer name: a longer gazetteer name around the tagged span, a club,
a person, an index; and a list of countries that is no club. Tiny sentences with given tags,
independent of the CRF."""

from __future__ import annotations

import pytest

from pipelines.enrich.entities.linking.context import Verdict
from pipelines.enrich.entities.linking.linker import link_span
from pipelines.enrich.entities.linking.matcher import find_places
from pipelines.enrich.entities.names.gazetteer import load_gazetteer
from pipelines.enrich.entities.names.text import token_forms
from tests.enrich.placed import judged, reviewed


def _link(sentence: str, start: int, end: int) -> tuple[int, int, str | None]:
    """(start, end, linked name) of the LOC span [start, end) of `sentence`."""
    gazetteer = load_gazetteer()
    words = sentence.split()
    forms = token_forms(words, gazetteer.vocabulary)
    matches = find_places(words, gazetteer, gazetteer.vocabulary, forms)
    link = link_span(words, (start, end, "LOC"), matches, gazetteer)
    return link.start, link.end, None if link.place is None else link.place.name


@pytest.mark.parametrize(
    ("sentence", "start", "end", "expected"),
    [
        ("خلال مسابقة دولية في جنوب أفريقيا .", 5, 6, (4, 6, "South Africa")),
        ("قوات جيش جنوب السودان قامت", 3, 4, (2, 4, "South Sudan")),
        ("في جمهورية أفريقيا الوسطى احتفلت", 2, 3, (1, 4, "Central African Republic")),
        ("تعيش في الولايات المتحدة منذ", 2, 3, (2, 4, "United States")),
        ("رحلة إلى أفريقيا الأسبوع الماضي", 2, 3, (2, 3, "Africa")),  # no longer name
        ("بين السودان وجنوب السودان", 1, 2, (1, 2, "Sudan")),
    ],
)
def test_a_longer_gazetteer_name_around_the_span_wins(
    sentence: str, start: int, end: int, expected: tuple[int, int, str]
) -> None:
    assert _link(sentence, start, end) == expected


def _review(sentence: str, at: int, size: int = 1, kind: str = "LOC") -> Verdict:
    """The reading and cue passes over the place of `size` words at `at`, tagged `kind`."""
    return reviewed(sentence, at, size=size, kind=kind)


def _outcome(verdict: Verdict) -> tuple[str | None, int, int, str | None]:
    name = None if verdict.place is None else verdict.place.name
    return verdict.kind, verdict.start, verdict.end, name


@pytest.mark.parametrize(
    ("sentence", "at", "expected"),
    [
        ("جنيه سنويا في نيويورك سيتي مقابل", 3, ("ORG", 3, 5, None)),
        ("وفاز مانشستر يونايتد على", 1, ("ORG", 1, 3, None)),
        ("يقيم في نيويورك منذ عام", 2, ("LOC", 2, 3, "New York City")),
        ("ويعيش في لندن والمدينة سيتي", 2, ("LOC", 2, 3, "London")),  # not right after
    ],
)
def test_place_before_an_english_club_word_is_a_club(
    sentence: str, at: int, expected: tuple[str | None, int, int, str | None]
) -> None:
    assert _outcome(_review(sentence, at)) == expected


def test_country_the_tagger_calls_a_person_after_a_demonym_or_title_is_the_person() -> None:
    player = _review("والثنائي الروماني سان مارتن وزوكالا .", 2, size=2, kind="PERS")
    assert _outcome(player) == ("PERS", 2, 4, None)
    titled = _review("وانضم اللاعب سان مارتن إلى الفريق", 2, size=2, kind="PERS")
    assert _outcome(titled) == ("PERS", 2, 4, None)
    # tagged as a place: the object after a subject with its demonym
    country = _review("دعا الرئيس الأمريكي إيران إلى", 3)
    assert _outcome(country) == ("LOC", 3, 4, "Iran")
    # a person's tag without a demonym or title before it: the country
    assert _review("زار وفد سان مارتن أمس", 2, size=2, kind="PERS").place is not None


def test_country_followed_by_a_country_with_conjunction_is_a_list_not_a_club() -> None:
    listed = _review("مدربين من الأرجنتين والأورغواي .", 2)
    assert _outcome(listed) == ("LOC", 2, 3, "Argentina")
    # a definite country name ending like a demonym, without `و`, is no club either
    assert _review("مباراة البرازيل الأورغواي أمس", 1).place is not None
    club = _review("على سبيل الإعارة من موناكو الفرنسي من أجل", 4)
    assert _outcome(club) == ("ORG", 4, 6, None)


def _judge(sentence: str, at: int, size: int = 1) -> Verdict:
    return judged(sentence, at, size=size)


def test_place_after_an_index_head_is_part_of_the_index_name() -> None:
    assert _outcome(_judge("وفقا لنتائج مؤشر مونستر للتوظيف في", 3)) == ("MISC", 2, 4, None)
    # the number after an index is its value, not part of its name
    assert _outcome(_judge("وزاد مؤشر سوق الكويت 0.5 في المائة", 3)) == ("MISC", 1, 4, None)


def test_name_behind_a_bare_proclitic_is_the_place_also_when_it_has_two_words() -> None:
    kept = _judge("بمشاركة كليات بفروع الجامعة بمكة المكرمة والكلية", 4, size=2)
    assert _outcome(kept) == ("LOC", 4, 6, "Makkah")
    named = _judge("عثر باحثون في جامعة مكة المكرمة على", 4, size=2)
    assert named.kind == "ORG" and named.place is None
