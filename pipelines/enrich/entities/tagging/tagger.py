"""The project's CRF taggers (one per language) and their versioned lexicon, loaded from models/."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pycrfsuite

from pipelines.enrich.entities.names.crosswalk import CrossTable, load_crosswalk
from pipelines.enrich.entities.names.gazetteer import (
    GAZETTEER_FILE,
    MODELS_DIR,
    Gazetteer,
    load_gazetteer,
)
from pipelines.enrich.entities.names.known_spans import KnownSpans
from pipelines.enrich.entities.names.text import is_arabic
from pipelines.enrich.entities.tagging.arabic_stems import GROUPS
from pipelines.enrich.entities.tagging.decoder import CompiledCRF
from pipelines.enrich.entities.tagging.document import to_iob2
from pipelines.enrich.entities.tagging.features import FeatureExtractor
from pipelines.enrich.entities.tagging.latin_features import (
    LATIN_LANGUAGES,
    latin_extractor,
    load_latin_lexicon,
)
from pipelines.enrich.entities.versions import LEXICON_FILE, language_lexicon_file, tagger_version


def place_features(gazetteer: Gazetteer) -> tuple[dict[str, str], frozenset[str]]:
    """Single-word place names by type, and the words of multi-word names."""
    single = {
        key: places[0].entity_type for key, places in gazetteer.by_key.items() if " " not in key
    }
    words = frozenset(w for key in gazetteer.by_key if " " in key for w in key.split())
    return single, words


def build_extractor(
    lexicon: dict[str, Any], gazetteer: Gazetteer, crosswalk: CrossTable | None = None
) -> FeatureExtractor:
    """The feature extractor a model was trained with: gazetteer, crosswalk (default: the
    committed one) and its saved lexicon."""
    place_words, name_words = place_features(gazetteer)
    crosswalk = load_crosswalk() if crosswalk is None else crosswalk
    spans = known_spans(gazetteer, crosswalk)
    known = frozenset(lexicon["known"]) | gazetteer.vocabulary
    clusters = dict(
        zip(lexicon.get("cluster_words", []), lexicon.get("cluster_ids", []), strict=True)
    )
    return FeatureExtractor(
        place_words=place_words,
        name_words=name_words,
        known=known,
        clusters=clusters,
        person_words=frozenset(lexicon.get("person_words", [])),
        frequency=lexicon.get("frequency", {}),
        affinity={w: pair.split() for w, pair in lexicon.get("affinity", {}).items()},
        wiki_person_words=frozenset(lexicon.get("wiki_person_words", [])),
        wiki_org_words=frozenset(lexicon.get("wiki_org_words", [])),
        known_spans=spans,
        organisation_words=organisation_words(crosswalk),
        span_known=known | spans.arabic_firsts(),  # a name's first word may carry `و`, `ل`, ...
        stem_groups=frozenset(lexicon.get("stem_groups", GROUPS)),
    )


def organisation_words(crosswalk: CrossTable) -> frozenset[str]:
    """Arabic words of the crosswalk's organisation names (`co` feature)."""
    keys = [key for kind, key in crosswalk if kind == "ORG"]
    return frozenset(word for key in keys for word in key.split() if is_arabic(word))


def known_spans(gazetteer: Gazetteer, crosswalk: CrossTable) -> KnownSpans:
    """Names for the known-name feature: crosswalk persons and organisations first, then the
    gazetteer's places (the first type a key gets wins)."""
    names = [(key, entity_type) for entity_type, key in crosswalk]
    names += [(key, places[0].entity_type) for key, places in gazetteer.by_key.items()]
    return KnownSpans.build(names)


@dataclass
class Tagger:
    """A trained CRF with its feature extractor; `model_version` names model, lexicon, gazetteer."""

    language: str
    model_version: str
    extractor: FeatureExtractor
    decoder: CompiledCRF

    def tag(self, words: list[str]) -> tuple[list[str], list[float]]:
        """IOB2 tags of a sentence and each tag's marginal probability."""
        return self.tag_many([words])[0]

    def tag_many(
        self, sentences: list[list[str]], *, outside_marginals: bool = True
    ) -> list[tuple[list[str], list[float]]]:
        """Tags and marginals of many sentences, decoded together (much faster). Without
        `outside_marginals`, sentences tagged all `O` get NaN marginals (they are not computed)."""
        names = to_iob2(self.decoder.labels)  # label by label
        return self.decoder.tag_many(sentences, names, None if outside_marginals else "O")

    def tag_with_forms(
        self, sentences: list[list[str]]
    ) -> tuple[list[tuple[list[str], list[float]]], list[list[str]]]:
        """`tag_many` without outside marginals, and each sentence's token forms
        (`names.text.token_forms` with the extractor's `known`), which the decoder has at hand."""
        return self.decoder.tag_with_forms(sentences, to_iob2(self.decoder.labels), "O")


@cache
def load_lexicon(path: Path = LEXICON_FILE) -> dict[str, Any]:
    """The training-derived word lists saved next to the models."""
    result: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return result


@cache
def stoplist() -> frozenset[str]:
    """Words seen often in training and almost never inside an entity: no place name alone."""
    return frozenset(load_lexicon()["stoplist"])


@cache
def load_tagger(language: str, models_dir: Path = MODELS_DIR) -> Tagger | None:
    """The tagger for a language, or None when the project has no model for it."""
    model = models_dir / f"{language}.crfsuite"
    if not model.exists():
        return None
    lexicon_file = models_dir / LEXICON_FILE.name
    gazetteer_file = models_dir / GAZETTEER_FILE.name
    crf = pycrfsuite.Tagger()
    crf.open(str(model))
    version = tagger_version(language, models_dir)
    assert version is not None  # the model exists
    own_lexicon = language_lexicon_file(language, models_dir)
    if language in LATIN_LANGUAGES and own_lexicon.exists():
        gazetteer = load_gazetteer(gazetteer_file)
        extractor: FeatureExtractor = latin_extractor(load_latin_lexicon(own_lexicon), gazetteer)
    else:
        extractor = build_extractor(load_lexicon(lexicon_file), load_gazetteer(gazetteer_file))
    return Tagger(language, version, extractor, CompiledCRF.from_tagger(crf, extractor))
