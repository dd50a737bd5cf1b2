"""Linking a tagged span to a gazetteer place, and which untagged gazetteer hits to keep."""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.enrich.entities.gazetteer import Gazetteer, Place
from pipelines.enrich.entities.matcher import Match
from pipelines.enrich.entities.text import (
    Token,
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


@dataclass(frozen=True, slots=True)
class Link:
    """A tagged span after linking: maybe widened to the gazetteer name, maybe retyped."""

    start: int
    end: int
    kind: str
    place: Place | None


def _has_article(word: str) -> bool:
    normalized = normalize_word(word)
    return strip_article(normalized) != normalized


def article_agrees(place: Place, words: list[str]) -> bool:
    """An Arabic place whose Arabic name has the article (`الرياض`) is not named by the bare
    word (`رياض` is a first name): the first word must carry the article too."""
    if not place.name_ar or not words or not is_arabic(words[0]):
        return True
    return not _has_article(place.name_ar.split()[0]) or _has_article(words[0])


def is_quoted(tokens: list[Token], start: int, end: int) -> bool:
    """A span between quotation marks: a newspaper, book or programme title (`"الرياض"`)."""
    return (
        start > 0
        and end < len(tokens)
        and tokens[start - 1].text in QUOTES
        and tokens[end].text in QUOTES
    )


def _only_heads_besides(words: list[str], start: int, match: Match) -> bool:
    """A partial match links a tagged span only when the rest are place head nouns
    (`منطقة كورسك`) or the match is a country or continent."""
    if match.place.rank <= MAX_UNTAGGED_RANK:
        return True
    rest = [w for i, w in enumerate(words, start) if not match.start <= i < match.end]
    return all(strip_article(normalize_word(w)) in PLACE_HEADS for w in rest)


def link_span(
    tokens: list[Token], span: tuple[int, int, str], matches: list[Match], gazetteer: Gazetteer
) -> Link:
    """The place a tagged span names, by its whole name or a gazetteer name inside it."""
    start, end, kind = span
    words = [t.text for t in tokens[start:end]]
    if kind == "LOC" and is_quoted(tokens, start, end):
        return Link(start, end, "ORG", None)
    place = gazetteer.lookup(name_key(words, gazetteer.vocabulary))
    if place is not None and (kind == "LOC" or place.rank <= MAX_UNTAGGED_RANK):
        if article_agrees(place, words):
            return Link(start, end, kind, place)
        return Link(start, end, kind, None)
    if kind == "LOC":
        overlapping = [
            m
            for m in matches
            if m.start < end and start < m.end and _only_heads_besides(words, start, m)
        ]
        if overlapping:
            best = max(overlapping, key=lambda m: (m.end - m.start, -m.place.rank))
            return Link(min(start, best.start), max(end, best.end), kind, best.place)
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
