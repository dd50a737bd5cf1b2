"""Linking a tagged span to a gazetteer place, and which untagged gazetteer hits to keep."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from operator import methodcaller

from pipelines.enrich.entities.linking.context import Verdict, demonym_country, well_known
from pipelines.enrich.entities.linking.matcher import Match
from pipelines.enrich.entities.linking.reasons import Reason
from pipelines.enrich.entities.names.gazetteer import Gazetteer, Place
from pipelines.enrich.entities.names.text import (
    is_arabic,
    name_key,
    normalize_word,
    strip_article,
)

# Untagged gazetteer hits are kept for continents, countries and CLDR bodies (rank <= 1) only.
MAX_UNTAGGED_RANK = 1
# Head nouns that may stand beside a city name inside a tagged place span.
PLACE_HEADS = frozenset({"مدينه", "منطقه", "محافظه", "ولايه", "اقليم", "عاصمه", "بلده", "مقاطعه"})
QUOTES = frozenset("\"«»“”„'")
# A one-word town abroad (not in the Arab world, under a million people) is linked only when
# the tagger is fairly sure; propagated spans (0.5) are often a person (`ديفي`, Davie).
MIN_FOREIGN_CITY_CONFIDENCE = 0.6
# Namesakes within this many ranks (10·log10 population: 3 ≈ twice as many people) are too
# close to choose between without a country in the text.
NAMESAKE_CLOSE_RANKS = 3
_MAY_BE_DEMONYM = methodcaller("endswith", ("ي", "ية", "يه"))


@dataclass(frozen=True, slots=True)
class Link:
    """A tagged span after linking: maybe widened to the gazetteer name, maybe retyped."""

    start: int
    end: int
    kind: str
    place: Place | None
    key: str = ""  # the gazetteer key the place was found by
    reason: Reason | None = None  # why a candidate place was not linked


def _has_article(word: str) -> bool:
    normalized = normalize_word(word)
    return strip_article(normalized) != normalized


def article_agrees(gazetteer: Gazetteer, key: str, place: Place, words: list[str]) -> bool:
    """An Arabic surface names a place only with the article its Arabic names have: `رياض` is
    a first name (the city is `الرياض`), `البخاري` a nisba (the city is `بخارى`). Where the
    names disagree, the place's main Arabic name decides whether the article is required."""
    if not words or not is_arabic(words[0]):
        return True
    surface_article = _has_article(words[0])
    if (key, place.entity_id) in gazetteer.articles or (
        key.replace(" ", ""),
        place.entity_id,
    ) in gazetteer.articles:
        return gazetteer.article_agrees(key, place, surface_article)
    return not place.name_ar or not _has_article(place.name_ar.split()[0]) or surface_article


def is_quoted(words: list[str], start: int, end: int) -> bool:
    """A span between quotation marks: a newspaper, book or programme title (`"الرياض"`)."""
    return start > 0 and end < len(words) and words[start - 1] in QUOTES and words[end] in QUOTES


def _only_heads_besides(words: list[str], start: int, match: Match) -> bool:
    """A partial match links a tagged span only when the rest are place head nouns
    (`منطقة كورسك`) or the match is a country or continent."""
    if match.place.rank <= MAX_UNTAGGED_RANK:
        return True
    rest = [w for i, w in enumerate(words, start) if not match.start <= i < match.end]
    return all(strip_article(normalize_word(w)) in PLACE_HEADS for w in rest)


def _longer_name(
    sentence: list[str], start: int, end: int, matches: list[Match], gazetteer: Gazetteer
) -> Match | None:
    """The longest gazetteer name that holds the whole span and more words (`جنوب أفريقيا`
    around a span `أفريقيا`: South Africa, not the continent; `الولايات المتحدة` around
    `الولايات`), when its surface has the article its names have."""
    around = [
        m
        for m in matches
        if m.start <= start
        and end <= m.end
        and m.end - m.start > end - start
        and article_agrees(gazetteer, m.key, m.place, sentence[m.start : m.end])
    ]
    return max(around, key=lambda m: (m.end - m.start, -m.place.rank), default=None)


def link_span(
    sentence: list[str], span: tuple[int, int, str], matches: list[Match], gazetteer: Gazetteer
) -> Link:
    """The place a tagged span of a sentence's words names, by its whole name or a gazetteer
    name inside it."""
    start, end, kind = span
    words = sentence[start:end]
    if kind == "LOC" and is_quoted(sentence, start, end):
        return Link(start, end, "ORG", None, reason=Reason.QUOTED_TITLE)
    if kind == "LOC":
        longer = _longer_name(sentence, start, end, matches, gazetteer)
        if longer is not None:
            return Link(longer.start, longer.end, kind, longer.place, longer.key)
    key = name_key(words, gazetteer.vocabulary)
    place = gazetteer.lookup(key)
    if place is not None and (kind == "LOC" or place.rank <= MAX_UNTAGGED_RANK):
        if article_agrees(gazetteer, key, place, words):
            return Link(start, end, kind, place, key)
        return Link(start, end, kind, None, reason=Reason.ARTICLE_DISAGREES)
    if kind == "LOC":
        overlapping = [
            m
            for m in matches
            if m.start < end
            and start < m.end
            and _only_heads_besides(words, start, m)
            and article_agrees(gazetteer, m.key, m.place, sentence[m.start : m.end])
        ]
        if overlapping:
            best = max(overlapping, key=lambda m: (m.end - m.start, -m.place.rank))
            first, last = min(start, best.start), max(end, best.end)
            return Link(first, last, kind, best.place, best.key)
    return Link(start, end, kind, None)


def keep_untagged(words: list[str], match: Match, tagged: bool) -> bool:
    """Untagged gazetteer hits: every country hit where no tagger runs; else only multi-word
    names and mixed-script ones (`Korea الشمالية`), which single common words never are."""
    if match.place.rank > MAX_UNTAGGED_RANK:
        return False
    if not tagged:
        return True
    found = words[match.start : match.end]
    return len(found) > 1 or any(w.isascii() for w in found)


def unsure_town(verdict: Verdict, confidence: float) -> bool:
    """A one-word town abroad the tagger is not sure of (see MIN_FOREIGN_CITY_CONFIDENCE)."""
    place = verdict.place
    return (
        place is not None
        and place.rank >= 2
        and verdict.end - verdict.start == 1
        and confidence < MIN_FOREIGN_CITY_CONFIDENCE
        and not well_known(place)
    )


def resolve_namesakes(
    countries_of: list[str | None], namesakes: list[tuple[int, tuple[Place, ...]]],
    sentences: list[list[str]], gazetteer: Gazetteer,
) -> dict[int, Place | None]:  # fmt: skip
    """Cities sharing a name (`برمنغهام`, `نيوكاسل`) resolved to one in a country the text
    names (`بريطانيا`, a city there, or `البريطانية`), else the most populous; None (not
    linked) when the two best left are of about the same size (`ريتشموند`: Virginia, British
    Columbia; `سانت لويس`: Missouri, Senegal). `countries_of`: the country of each mention;
    returns mention index -> place (or None), where it differs from the first candidate."""
    ambiguous = {index for index, _ in namesakes}
    countries = {code for i, code in enumerate(countries_of) if code and i not in ambiguous}
    # the words that may be demonyms, each once, picked at C speed (a text has hundreds of words)
    maybe_demonyms = filter(_MAY_BE_DEMONYM, chain.from_iterable(sentences))
    for word in set(maybe_demonyms):
        code, _ = demonym_country(word, gazetteer)
        if code:
            countries.add(code)
    chosen: dict[int, Place | None] = {}
    for index, found in namesakes:
        pool = sorted(
            [p for p in found if p.country_code in countries] or found, key=lambda p: p.rank
        )
        close = len(pool) > 1 and pool[1].rank - pool[0].rank <= NAMESAKE_CLOSE_RANKS
        place = None if close else pool[0]
        if place is not found[0]:  # the mention was linked to the first
            chosen[index] = place
    return chosen
