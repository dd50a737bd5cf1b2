"""A linked place name that is part of a longer name: a club or a person.

`اتليتيكو مدريد` and `مانشستر سيتي` are clubs (a rare club-name word before the place, or an
English club word after it, in English word order); `الروماني سان مارتن` ("the Romanian San
Martin", a player the tagger typed as a person) is no country. These rules use the lexicon's
club-name words, a few English club words and Arabic grammar, never lists of place names.
"""

from __future__ import annotations

from functools import cache

from pipelines.enrich.entities.linking.context import (
    PERSON_TITLES,
    Verdict,
    demonym_country,
    form,
)
from pipelines.enrich.entities.linking.reasons import Reason
from pipelines.enrich.entities.names.gazetteer import Gazetteer
from pipelines.enrich.entities.names.text import normalize_word
from pipelines.enrich.entities.names.text import normalized_words as _words
from pipelines.enrich.entities.tagging.tagger import load_lexicon

# A club-name word (ArWikiCats) beside a place names a club only when rare in general text
# (wordfreq bucket = 2·Zipf: `ديبورتيفو`, `اتليتيكو`; not `ريال`, the currency).
CLUB_WORD_MAX_BUCKET = 7
# English words that follow a town in club names ("City", "United", "Town", "County",
# "Rovers", "Rangers", "Wanderers", "Albion", "Athletic", "Hotspur") after a town, not a country
# (`بنما سيتي` is Panama's capital). `سيتي` is also a word of towns' names (`كانساس سيتي`):
# those are gazetteer names, which the linker prefers.
CLUB_SUFFIXES = _words(
    "سيتي يونايتد يونايتيد تاون كاونتي روفرز رينجرز رينجز وندررز ألبيون البيون أثلتيك أتلتيك "
    "هوتسبير"
)
PROCLITICS = ("و", "ف")


@cache
def _club_words(gazetteer: Gazetteer) -> frozenset[str]:
    """Words of sports clubs' Arabic names (ArWikiCats) that are no place-name word, not in the
    tagger's training vocabulary and rare in general text: `ديبورتيفو`, `اتليتيكو` (not
    `شنغهاي`, `منتخبات`, `الأربعاء`, which the club names also hold)."""
    lexicon = load_lexicon()
    frequency: dict[str, int] = lexicon["frequency"]
    known = frozenset(lexicon["known"])
    return frozenset(
        word
        for word in lexicon["wiki_org_words"]
        if word not in gazetteer.vocabulary
        and word not in known
        and frequency.get(word, 0) <= CLUB_WORD_MAX_BUCKET
        and len(word) >= 4
        and word.isalpha()
    )


def _club_word(words: list[str], tags: list[str], at: int, gazetteer: Gazetteer) -> bool:
    return (
        0 <= at < len(words)
        and tags[at] in ("O", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
        and not normalize_word(words[at]).startswith(PROCLITICS)
        and form(words[at]) in _club_words(gazetteer)
    )


def _club_suffix(words: list[str], tags: list[str], at: int) -> bool:
    """An English club word right after the place (`سيتي`), not a place itself."""
    return (
        at < len(words)
        and not tags[at].endswith("LOC")
        and normalize_word(words[at]) in CLUB_SUFFIXES
    )


def named_club(
    words: list[str], tags: list[str], verdict: Verdict, key: str, gazetteer: Gazetteer
) -> Verdict | None:
    """A place without proclitic right after or before a rare club-name word, or before an
    English club word, is a club: `اتليتيكو مدريد`, `ديبورتيفو لا كورونيا`, `في نيويورك سيتي`
    (an `ORG` over both); not in a list (`وغانا`) or behind a preposition (`بمنتجع فنربخشة
    بتركيا`)."""
    start, end = verdict.start, verdict.end
    first = key.split()[0]
    if normalize_word(words[start]) not in (first, "ال" + first):
        return None  # `وغانا`, `بتركيا`: a proclitic on the place
    if _club_word(words, tags, start - 1, gazetteer):
        return Verdict(start - 1, end, "ORG", None, Reason.NAMED_CLUB)
    town = verdict.place is not None and verdict.place.rank >= 2  # `بنما سيتي` is a capital
    if _club_word(words, tags, end, gazetteer) or (town and _club_suffix(words, tags, end)):
        return Verdict(start, end + 1, "ORG", None, Reason.NAMED_CLUB)
    return None


def _person_before(words: list[str], at: int, gazetteer: Gazetteer) -> bool:
    """A definite masculine demonym (`الروماني`) or person title (`اللاعب`) at `at`."""
    if at < 0 or not normalize_word(words[at]).startswith("ال"):
        return False
    code, feminine = demonym_country(words[at], gazetteer)
    return (code is not None and not feminine) or form(words[at]) in PERSON_TITLES


def named_person(words: list[str], verdict: Verdict, gazetteer: Gazetteer) -> bool:
    """A span the tagger typed as a person that names a country (linked only because country
    names link from any span) is the person after a masculine demonym or a title: `الروماني
    سان مارتن`, `اللاعب سان مارتن`. Before a country a demonym is a noun ("the Romanian"),
    not an adjective; `الرئيس الأمريكي إيران` (object after subject) is tagged as a place."""
    return verdict.kind == "PERS" and _person_before(words, verdict.start - 1, gazetteer)
