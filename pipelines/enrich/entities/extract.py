"""Entity mentions of a text: CRF spans and types, gazetteer ids, normalized keys for the rest."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from pipelines.enrich.entities.corpus import spans
from pipelines.enrich.entities.document import propagate_names
from pipelines.enrich.entities.gazetteer import Place, load_gazetteer
from pipelines.enrich.entities.linker import keep_untagged, link_span
from pipelines.enrich.entities.matcher import find_places
from pipelines.enrich.entities.rules import organisation_spans
from pipelines.enrich.entities.tagger import TAGGER_LANGUAGES, Tagger, load_lexicon, load_tagger
from pipelines.enrich.entities.text import Token, clitic_length, name_key, sentences

TagResult = tuple[list[str], list[float]]  # IOB2 tags and their marginal probabilities
GAZETTEER_EXTRACTOR = "gazetteer"
TAGGER_EXTRACTOR = "crf+gazetteer"
# Tagger types → mention types; LOC becomes GPE when it links to a country or city.
MENTION_TYPES = {"PERS": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


@dataclass(frozen=True, slots=True)
class Entity:
    """One thing, whatever the language or spelling; ids derive from ISO / GeoNames / name key."""

    entity_id: str
    entity_type: str
    name: str
    name_ar: str | None = None
    country_code: str | None = None
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity named at text[start_char:end_char] of an article's title or body."""

    field: str
    surface: str
    start_char: int
    end_char: int
    entity_type: str
    confidence: float
    extractor: str
    model_version: str
    entity: Entity


@cache
def _stoplist() -> frozenset[str]:
    return frozenset(load_lexicon()["stoplist"])


@cache
def _known_words() -> frozenset[str]:
    """Words a proclitic may be stripped down to, for languages without a tagger."""
    return frozenset(load_lexicon()["known"]) | load_gazetteer().vocabulary


def place_entity(place: Place) -> Entity:
    """The entity of a gazetteer place."""
    return Entity(
        place.entity_id, place.entity_type, place.name, place.name_ar, place.country_code,
        place.geonames_id, place.latitude, place.longitude,
    )  # fmt: skip


def keyed_entity(kind: str, words: list[str], surface: str, known: frozenset[str]) -> Entity | None:
    """A person, organisation or unlinked place keyed by its normalized name."""
    key = name_key(words, known)
    if not key:
        return None
    return Entity(f"{kind.lower()}:{key}", kind, surface)


def extract_mentions(text: str, language: str | None, field: str = "body") -> list[Mention]:
    """Mentions in `text`; the tagger is chosen by language, others get gazetteer matches only."""
    return extract_texts([(text, language, field)])[0]


def extract_texts(items: list[tuple[str, str | None, str]]) -> list[list[Mention]]:
    """Mentions of many (text, language, field) items; each language's sentences are tagged
    in one batch, which is what makes the decoder fast."""
    split = [sentences(text) for text, _, _ in items]
    tagged: dict[tuple[int, int], tuple[list[str], list[float]]] = {}
    for language in sorted({lang for _, lang, _ in items if lang in TAGGER_LANGUAGES}):
        tagger = load_tagger(language)
        if tagger is None:
            continue
        keys = [
            (i, j)
            for i, (_, lang, _) in enumerate(items)
            if lang == language
            for j in range(len(split[i]))
        ]
        words = [[t.text for t in split[i][j]] for i, j in keys]
        tagged.update(zip(keys, tagger.tag_many(words), strict=True))
    return [
        _text_mentions(
            text, language, field, split[i], [tagged.get((i, j)) for j in range(len(split[i]))]
        )
        for i, (text, language, field) in enumerate(items)
    ]


def _text_mentions(
    text: str, language: str | None, field: str, split: list[list[Token]],
    tag_results: list[TagResult | None],
) -> list[Mention]:  # fmt: skip
    gazetteer = load_gazetteer()
    tagger: Tagger | None = load_tagger(language) if language in TAGGER_LANGUAGES else None
    known = tagger.extractor.known if tagger else _known_words()
    version = tagger.model_version if tagger else "gazetteer"
    stoplist = _stoplist()
    mentions: list[Mention] = []
    if tagger is not None:
        tag_results = _propagated(split, tag_results, tagger)
    for tokens, result in zip(split, tag_results, strict=True):
        words = [t.text for t in tokens]
        matches = find_places(words, gazetteer, known)
        tags, marginals = result or (["O"] * len(words), [1.0] * len(words))
        covered: set[int] = set()
        tagged = sorted(spans(tags))
        if language == "ar":
            inside = {i for s, e, _ in tagged for i in range(s, e)}
            rules = [s for s in organisation_spans(words) if inside.isdisjoint(range(*s[:2]))]
            tagged = sorted(tagged + rules)
            marginals = [m if tags[i] != "O" else 0.5 for i, m in enumerate(marginals)]
        for span in tagged:
            link = link_span(tokens, span, matches, gazetteer)
            start, end = link.start, link.end
            if not covered.isdisjoint(range(start, end)):
                continue
            kind = MENTION_TYPES[link.kind]
            trim = clitic_length(words[start], known)
            surface = text[tokens[start].start + trim : tokens[end - 1].end]
            entity = place_entity(link.place) if link.place else None
            entity = entity or keyed_entity(kind, words[start:end], surface, known)
            if entity is None:
                continue
            covered.update(range(start, end))
            confidence = min(marginals[span[0] : span[1]])
            mentions.append(_mention(field, surface, tokens, start, end, entity, confidence,
                                     TAGGER_EXTRACTOR, version, trim))  # fmt: skip
        for match in matches:
            if match.key in stoplist or not keep_untagged(words, match, result is not None):
                continue
            if covered.isdisjoint(range(match.start, match.end)):
                trim = clitic_length(words[match.start], known)
                surface = text[tokens[match.start].start + trim : tokens[match.end - 1].end]
                mentions.append(_mention(field, surface, tokens, match.start, match.end,
                                         place_entity(match.place), 1.0, GAZETTEER_EXTRACTOR,
                                         version, trim))  # fmt: skip
    return sorted(mentions, key=lambda m: (m.start_char, m.end_char))


def _propagated(
    split: list[list[Token]], results: list[TagResult | None], tagger: Tagger
) -> list[TagResult | None]:
    """Tags after one-sense-per-document propagation; propagated tokens get confidence 0.5."""
    words = [[t.text for t in tokens] for tokens in split]
    tags = [r[0] if r else ["O"] * len(w) for r, w in zip(results, words, strict=True)]
    fresh = propagate_names(words, tags, tagger.extractor.cluster_key)
    out: list[TagResult | None] = []
    for result, old, new in zip(results, tags, fresh, strict=True):
        marginals = result[1] if result else [1.0] * len(old)
        out.append(
            (new, [m if o == n else 0.5 for m, o, n in zip(marginals, old, new, strict=True)])
        )
    return out


def merge_person_aliases(mentions: list[Mention]) -> list[Mention]:
    """Within one article, a person named by a part of a fuller name (`بوتين` after
    `فلاديمير بوتين`) is the person of the fuller name, when exactly one fuller name fits."""
    full_names = {m.entity.entity_id: m.entity for m in mentions if m.entity_type == "PER"}
    merged: list[Mention] = []
    for mention in mentions:
        entity = mention.entity
        if mention.entity_type == "PER" and " " not in entity.entity_id:
            word = entity.entity_id.split(":", 1)[1]
            fuller = [
                e for i, e in full_names.items() if " " in i and word in i.split(":", 1)[1].split()
            ]
            if len(fuller) == 1:
                mention = replace(mention, entity=fuller[0])
        merged.append(mention)
    return merged


def _mention(
    field: str, surface: str, tokens: list[Token], start: int, end: int, entity: Entity,
    confidence: float, extractor: str, version: str, trim: int,
) -> Mention:  # fmt: skip
    return Mention(
        field, surface, tokens[start].start + trim, tokens[end - 1].end, entity.entity_type,
        round(confidence, 4), extractor, version, entity,
    )  # fmt: skip
