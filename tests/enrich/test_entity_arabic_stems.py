"""Arabic stem features: the light stemmer, templates, and name lists behind more affixes."""

from __future__ import annotations

from pipelines.enrich.entities.tagging.arabic_stems import (
    ALL_GROUPS,
    light_stem,
    nisba_roots,
    stem_features,
    template,
)
from pipelines.enrich.entities.tagging.features import FeatureExtractor

LISTS = {"بوتين": ["pw"], "سوريا": ["gaz:GPE"], "مدينه": ["gazw"]}


def lists(word: str) -> list[str]:
    return LISTS.get(word, [])


def test_the_light_stemmer_takes_a_pronoun_then_an_inflection_off() -> None:
    assert light_stem("مدينتها") == ("مدين", "تها")
    assert light_stem("صادرات") == ("صادر", "ات")
    assert light_stem("كتب") == ("كتب", "")  # three letters stay


def test_the_template_keeps_long_vowels() -> None:
    assert template("جوتشولك") == "CوCCوCC"
    assert template("محمد") == "CCCC"


def test_a_nisba_points_to_its_place() -> None:
    assert "سوريا" in nisba_roots("سوريين")
    assert stem_features("سوريين", lists, ALL_GROUPS)[-1] == "nb=gaz:GPE"


def test_a_proclitic_the_lexicon_did_not_strip_is_tried_against_the_lists() -> None:
    assert "lp=pw" in stem_features("لبوتين", lists, ALL_GROUPS)
    assert not any(f.startswith("lp=") for f in stem_features("بوتين", lists, ALL_GROUPS))


def test_groups_switch_features_off() -> None:
    assert stem_features("مدينتها", lists, frozenset()) == []
    assert stem_features("مدينتها", lists, frozenset({"template"})) == ["tp=CCيCCCا"]


def test_stem_features_reach_the_neighbours_only_with_the_near_group() -> None:
    def neighbours(groups: frozenset[str]) -> list[str]:
        extractor = FeatureExtractor({}, frozenset(), frozenset(), stem_groups=groups)
        return extractor.context("صادراتها")[1]

    assert "-1ls=صادر" in neighbours(ALL_GROUPS | {"near"})
    assert not any(f.startswith("-1ls") for f in neighbours(ALL_GROUPS - {"near"}))
