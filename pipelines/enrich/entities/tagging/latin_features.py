"""CRF word features for Latin-script languages (English, French): what transfers across web,
social-media, encyclopedic and news text rather than each corpus's vocabulary.

A capitalised word that is rare in general text (wordfreq's Zipf frequency, `fq`) is likely a
name, a capitalised common word after a full stop likely not; gazetteer places (`gaz`), words of
the crosswalk's well-known people (`pn`) and organisations (`ow`), title and head words (`tg`:
`Mr`, `président`, `University`, `rue`), nationality, language and religion words (`dm`:
`French`, `Catholics`), word clusters learned from the training corpora's text (`cl`) and the
word's shape and affixes do the rest. Features
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
from pipelines.enrich.entities.tagging.latin_regions import as_regions
from pipelines.enrich.entities.tagging.latin_spans import without_possessives, without_titles

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
    person / organisation names; `misc_words`: nationalities, languages, religions;
    `clusters`: lower-case word → cluster path; `triggers`: `LATIN_TRIGGERS`."""

    triggers: dict[str, str] = field(default_factory=lambda: LATIN_TRIGGERS)
    misc_words: frozenset[str] = frozenset()

    def word_features(self, word: str) -> list[str]:
        if SPAN_MARK in word:
            word, mark = word.split(SPAN_MARK)
            return [*self.word_features(word), "sm=" + mark[2:], "smp=" + mark]
        word = word.replace("’", "'")  # news prints `Ford’s`, the corpora mostly `Ford's`
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
        if lower in self.misc_words:
            feats += ["dm", "dms" + shape]
        cluster = self.clusters.get(lower)
        if cluster:
            feats += ["cl=" + cluster, "cl1=" + cluster[:1], "cl2=" + cluster[:2]]
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
        misc_words=frozenset(lexicon.get("misc_words", [])),
        clusters=dict(
            zip(lexicon.get("cluster_words", []), lexicon.get("cluster_ids", []), strict=True)
        ),
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


# French coordination inside a tagged span: `et de`, `ou du` (`la Banque mondiale et de Renault`).
_CONJUNCTIONS = frozenset({"et", "ou"})
_PREPOSITIONS = frozenset({"de", "d", "du", "des", "à", "au", "aux"})
_ARTICLES = frozenset({"le", "la", "les", "l", "'", "’"})


def split_coordinated(
    words: list[str], spans: list[tuple[int, int, str]], is_known: Callable[[list[str]], bool]
) -> list[tuple[int, int, str]]:
    """French spans cut where two names run together across `et`/`ou` + a preposition (+ an
    article) + a capitalised word: `Banque mondiale et de Renault` → `Banque mondiale`,
    `Renault`, unless the first part has a complement already (`Ministère de la Culture et de
    la Communication`); and two persons across `et` (`Emmanuel Macron et Olaf Scholz`). A span
    that is a known name as a whole stays."""
    result: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        cut = _coordination(words, start, end, kind)
        if cut is None or is_known(words[start:end]):
            result.append((start, end, kind))
            continue
        left_end, right_start = cut
        result.append((start, left_end, kind))
        result += split_coordinated(words, [(right_start, end, kind)], is_known)
    return result


def _coordination(words: list[str], start: int, end: int, kind: str) -> tuple[int, int] | None:
    """(end of the first name, start of the second) of a span that coordinates two, or None."""
    for at in range(start + 1, end - 1):
        if words[at].lower() not in _CONJUNCTIONS:
            continue
        after = at + 1
        if kind == "PERS" and words[after][:1].isupper():
            return at, after
        if words[after].lower() not in _PREPOSITIONS:
            continue
        if any(w.lower() in _PREPOSITIONS for w in words[start:at]):
            continue  # a complement of the name's head: `Ministère de la Culture et de la ...`
        after += 1
        while after < end - 1 and words[after].lower() in _ARTICLES:
            after += 1
        if after < end and words[after][:1].isupper():
            return at, after
    return None


def tidy_latin_spans(
    words: list[str], spans: list[tuple[int, int, str]], language: str,
    is_known: Callable[[list[str]], bool],
) -> list[tuple[int, int, str]]:  # fmt: skip
    """The tagger's spans without those with no capital letter (news is edited text; the
    social-media corpora the model learnt from tag `rose`, `apple` lower-cased), without a
    trailing possessive (`without_possessives`), with the known acronyms the tagger left
    (`with_acronyms`), without leading articles (`without_leading_articles`) or a person's
    leading title (`without_titles`), regions typed LOC
    (`latin_regions.as_regions`) and, in French, with coordinated names cut apart
    (`split_coordinated`)."""
    spans = [s for s in spans if any(c.isupper() for w in words[s[0] : s[1]] for c in w)]
    spans = without_possessives(words, spans, is_known)
    spans = with_acronyms(words, spans)
    spans = without_leading_articles(words, spans, language, is_known)
    spans = without_titles(words, spans, is_known)
    spans = as_regions(words, spans)
    return split_coordinated(words, spans, is_known) if language == "fr" else spans


@cache
def _organisation_acronyms() -> frozenset[str]:
    """One-word organisation names of the crosswalk in capitals (`ONU`, `OTAN`, `NATO`, `FMI`)."""
    return frozenset(
        key.upper()
        for kind, key in load_crosswalk()
        if kind == "ORG" and key.isalpha() and key.isascii() and len(key) >= 2
    )


def with_acronyms(
    words: list[str], spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The spans plus an ORG span for each word in capitals the tagger left outside a name whose
    lower case is a crosswalk organisation (`l'ONU`, `l'OTAN`: the historical French corpus
    has hardly any acronyms to learn them from)."""
    acronyms = _organisation_acronyms()
    if acronyms.isdisjoint(words):
        return spans
    inside = {i for start, end, _ in spans for i in range(start, end)}
    added = [(i, i + 1, "ORG") for i, w in enumerate(words) if w in acronyms and i not in inside]
    return sorted(spans + added) if added else spans
