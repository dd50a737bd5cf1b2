"""CRF word features for Latin-script languages (English, French): what transfers across web,
social-media, encyclopedic and news text rather than each corpus's vocabulary.

A capitalised word that is rare in general text (wordfreq's Zipf frequency, `fq`) is likely a
name, a capitalised common word after a full stop likely not; gazetteer places (`gaz`), words of
the crosswalk's well-known people (`pn`) and organisations (`ow`), title and head words (`tg`:
`Mr`, `président`, `University`, `rue`) and the word's shape and affixes do the rest. Features
stay per word (the decoder's cached score rows need that); the window of ±2 words, the
sentence start (`BOS`) and the known multi-word names (`sm`) come from `FeatureExtractor`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pipelines.enrich.entities.names.crosswalk import CrossTable, load_crosswalk
from pipelines.enrich.entities.names.gazetteer import Gazetteer
from pipelines.enrich.entities.names.known_spans import SPAN_MARK, KnownSpans
from pipelines.enrich.entities.names.text import normalize_word
from pipelines.enrich.entities.tagging.features import FeatureExtractor, _shape, _typed

LATIN_LANGUAGES = ("en", "fr")


# Lower-case words that announce a name of a type (titles before persons, head nouns of
# organisations and places), English and French together: either language quotes the other.
LATIN_TRIGGERS: dict[str, str] = {
    **_typed(
        "mr mrs ms miss dr sir lord lady president minister senator governor mayor judge general "
        "colonel captain king queen prince princess pope rev father saint st chancellor secretary "
        "spokesman spokeswoman ceo chairman director coach professor prof sheikh emir "
        "m mme mlle monsieur madame président présidente ministre sénateur député maire général "
        "colonel capitaine roi reine abbé père docteur maître professeur secrétaire directeur",
        "PER",
    ),
    **_typed(
        "university college institute school party ministry department council committee "
        "commission agency company corporation corp inc ltd co group bank association union "
        "federation league club fc team army court parliament assembly foundation organisation "
        "organization society church hospital airlines times news press "
        "université collège institut école parti ministère conseil comité commission agence "
        "compagnie société banque association syndicat fédération ligue club armée cour "
        "parlement assemblée fondation organisation église hôpital journal chambre",
        "ORG",
    ),
    **_typed(
        "city county river lake mount mountain island islands street avenue road province state "
        "valley bay sea ocean gulf north south east west "
        "ville rue fleuve rivière lac mont montagne île îles place boulevard département "
        "province vallée golfe mer nord sud est ouest",
        "LOC",
    ),
}
_SHAPE_RUNS = re.compile(r"(.)\1+")


def word_pattern(word: str) -> str:
    """Letters as `X` / `x`, digits as `d`, runs squeezed: `McDonald's` → `XxXx'x`."""
    mapped = "".join(
        "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c for c in word
    )
    return _SHAPE_RUNS.sub(r"\1", mapped)


@dataclass
class LatinFeatureExtractor(FeatureExtractor):
    """`FeatureExtractor` with Latin-script word features; `frequency`: lower-case word → twice
    its Zipf frequency (absent: rare); `person_words` / `organisation_words`: words of known
    person / organisation names; `triggers`: `LATIN_TRIGGERS`."""

    triggers: dict[str, str] = field(default_factory=lambda: LATIN_TRIGGERS)

    def word_features(self, word: str) -> list[str]:
        if SPAN_MARK in word:
            word, mark = word.split(SPAN_MARK)
            return [*self.word_features(word), "sm=" + mark[2:], "smp=" + mark]
        lower = normalize_word(word)
        shape = _shape(word)
        feats = ["b", "w=" + lower, "sh=" + shape, "shp=" + word_pattern(word)]
        if shape in ("punct", "digit"):
            return feats
        for n in (1, 2, 3, 4):
            if len(lower) > n:
                feats += [f"p{n}={lower[:n]}", f"x{n}={lower[-n:]}"]
        feats.append(f"len={min(len(lower), 10)}")
        frequency = self.frequency.get(lower, 0)
        feats += [f"fq={frequency}", f"fqs={frequency}{shape}"]
        place = self.place_words.get(lower)
        if place:
            feats += ["gaz=" + place, f"gas={place}{shape}"]
        if lower in self.name_words:
            feats.append("gazw")
        if lower in self.person_words:
            feats += ["pn", "pns" + shape]
        if lower in self.organisation_words:
            feats += ["ow", "ows" + shape]
        trigger = self.triggers.get(lower)
        if trigger:
            feats.append("tg=" + trigger)
        return feats


def latin_extractor(
    lexicon: dict[str, Any],
    gazetteer: Gazetteer,
    crosswalk: CrossTable | None = None,
) -> LatinFeatureExtractor:
    """The extractor of a Latin-script model, from its saved lexicon (`latin_lexicon`)."""
    from pipelines.enrich.entities.tagging.tagger import known_spans, place_features

    place_words, name_words = place_features(gazetteer)
    crosswalk = load_crosswalk() if crosswalk is None else crosswalk
    spans: KnownSpans = known_spans(gazetteer, crosswalk)
    return LatinFeatureExtractor(
        place_words=place_words,
        name_words=name_words,
        known=gazetteer.vocabulary,
        frequency=lexicon["frequency"],
        person_words=frozenset(lexicon["person_words"]),
        organisation_words=frozenset(lexicon["organisation_words"]),
        known_spans=spans,
    )


@cache
def load_latin_lexicon(path: Path) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return result


# Articles the English and French corpora sometimes tag as part of a name (`The Mad Capsule
# Markets`); the stage keys names without them (`The European Union` is `cldr:EU`).
LEADING_ARTICLES = {"en": frozenset({"the"}), "fr": frozenset({"le", "la", "les", "l", "'", "’"})}


def without_leading_articles(
    words: list[str], spans: list[tuple[int, int, str]], language: str,
    is_known: Callable[[list[str]], bool],
) -> list[tuple[int, int, str]]:  # fmt: skip
    """Spans without leading articles, unless the whole span is a known name (`Le Havre`,
    `The Guardian`: `is_known(words)`) or nothing would be left."""
    articles = LEADING_ARTICLES[language]
    result: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        first = start
        while first < end - 1 and words[first].lower() in articles:
            first += 1
        if first != start and is_known(words[start:end]):
            first = start
        result.append((first, end, kind))
    return result
