"""What extraction finds: entities, their mentions, the spans the linking rules dropped."""

from __future__ import annotations

from dataclasses import dataclass, replace

from pipelines.enrich.entities.linking.reasons import Reason
from pipelines.enrich.entities.names.crosswalk import alias_words, known_name
from pipelines.enrich.entities.names.gazetteer import Place
from pipelines.enrich.entities.names.text import name_key

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
    is_linked: bool = False  # from the gazetteer or the crosswalk, not from a name key alone


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity named at text[start_char:end_char] of an article's title or body;
    `unlinked_reason`: the rule that left an unlinked entity unlinked (None when linked)."""

    field: str
    surface: str
    start_char: int
    end_char: int
    entity_type: str
    confidence: float
    extractor: str
    model_version: str
    entity: Entity
    unlinked_reason: Reason | None = None


@dataclass(frozen=True, slots=True)
class DroppedSpan:
    """A tagged span at text[start_char:end_char] that a linking rule found to be no mention."""

    field: str
    surface: str
    start_char: int
    end_char: int
    entity_type: str  # as tagged
    confidence: float
    model_version: str
    reason: Reason


def place_entity(place: Place) -> Entity:
    """The entity of a gazetteer place."""
    return Entity(
        place.entity_id, place.entity_type, place.name, place.name_ar, place.country_code,
        place.geonames_id, place.latitude, place.longitude, is_linked=True,
    )  # fmt: skip


def keyed_entity(kind: str, words: list[str], surface: str, known: frozenset[str]) -> Entity | None:
    """A person, organisation or unlinked place keyed by its normalized name; a well-known
    person or organisation whose whole name this is gets its one id in every language."""
    key = name_key(words, known)
    if not key:
        return None
    if linked := known_name(kind, key):
        return Entity(linked.entity_id, kind, linked.name, linked.name_ar, is_linked=True)
    return Entity(f"{kind.lower()}:{key}", kind, surface)


def unlinked_reason(entity: Entity, reason: Reason | None) -> Reason | None:
    """None for a linked entity; else the rule's reason, or `candidate.unknown_name`."""
    return None if entity.is_linked else reason or Reason.UNKNOWN_NAME


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
                e for i, e in full_names.items() if " " in i and word in alias_words(i, e.name_ar)
            ]
            if len(fuller) == 1:
                entity = fuller[0]
                reason = unlinked_reason(entity, mention.unlinked_reason)
                mention = replace(mention, entity=entity, unlinked_reason=reason)
        merged.append(mention)
    return merged
