"""Entity tagging internals: BILOU round trip, document propagation, vectorized CRF decoding."""

from __future__ import annotations

import gzip
from pathlib import Path

import pycrfsuite
import pytest

from pipelines.enrich.entities.build.corpus import span_errors, to_bilou
from pipelines.enrich.entities.build.gazetteer_build import aligned_words, spacing_variants
from pipelines.enrich.entities.build.train import identity_dropouts, without_identity
from pipelines.enrich.entities.build.word_evidence import word_affinities
from pipelines.enrich.entities.names.gazetteer import MODELS_DIR
from pipelines.enrich.entities.names.text import token_forms
from pipelines.enrich.entities.tagging import decoder
from pipelines.enrich.entities.tagging.document import propagate_names, to_iob2, vote_types
from pipelines.enrich.entities.tagging.features import FeatureExtractor
from pipelines.enrich.entities.tagging.organisations import organisation_spans
from pipelines.enrich.entities.tagging.tagger import load_tagger


def test_bilou_round_trip() -> None:
    tags = ["B-PERS", "I-PERS", "I-PERS", "O", "B-LOC", "B-ORG", "I-ORG"]
    assert to_bilou(tags) == ["B-PERS", "I-PERS", "L-PERS", "O", "U-LOC", "B-ORG", "L-ORG"]
    assert to_iob2(to_bilou(tags)) == tags


def test_span_errors_tell_missed_boundary_type_and_spurious_spans() -> None:
    gold = ["B-PERS", "I-PERS", "O", "B-ORG", "O", "B-LOC", "O", "B-MISC", "O", "O"]
    predicted = ["B-PERS", "O", "O", "B-LOC", "O", "O", "O", "O", "O", "B-ORG"]
    assert span_errors(gold, predicted) == [
        ("boundary", "PERS", (0, 2, "PERS")),
        ("type", "ORG", (3, 4, "ORG")),
        ("missed", "LOC", (5, 6, "LOC")),
        ("missed", "MISC", (7, 8, "MISC")),
        ("spurious", "ORG", (9, 10, "ORG")),
    ]
    assert span_errors(gold[:2], gold[:2]) == [("right", "PERS", (0, 2, "PERS"))]


def test_identity_dropout_leaves_out_word_features_of_a_share_of_rare_tokens() -> None:
    words = [f"كلمه{i}" for i in range(200)]
    sentences = [(words, ["O"] * 200), (words[:1], ["O"])]
    dropped = identity_dropouts(sentences, 0.5, max_count=1)
    assert 0 not in dropped[0] and dropped[1] == set()  # `كلمه0` is seen twice
    assert 60 <= len(dropped[0]) <= 140
    assert identity_dropouts(sentences, 0.5, max_count=1) == dropped  # deterministic
    features = [["b", "w=" + w, "s=" + w, "x2=" + w[-2:], "-1w=" + w] for w in words]
    kept = without_identity(features, dropped[0])
    for j, (word, original, feats) in enumerate(zip(words, features, kept, strict=True)):
        expected = ["b", "x2=" + word[-2:], "-1w=" + word] if j in dropped[0] else original
        assert feats == expected


def test_a_name_found_once_is_found_everywhere_in_the_document() -> None:
    sentences = [["قال", "فلاديمير", "بوتين", "."], ["وكان", "بوتين", "يتحدث"], ["الله", "اكبر"]]
    tags = [["O", "B-PERS", "I-PERS", "O"], ["O", "O", "O"], ["O", "O"]]
    assert propagate_names(sentences, tags, str) == [
        ["O", "B-PERS", "I-PERS", "O"],
        ["O", "B-PERS", "O"],
        ["O", "O"],
    ]


def test_a_name_gets_the_type_most_of_its_occurrences_have_and_a_surname_the_persons() -> None:
    keys = [["carlo", "citrone", "met", "harrison"], ["citrone", "left", "harrison"],
            ["to", "harrison", "."], ["the", "league"]]  # fmt: skip
    tags = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "O", "B-PERS"],
            ["O", "B-LOC", "O"], ["O", "B-ORG"]]  # fmt: skip
    voted = vote_types(keys, tags)
    assert voted == [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-PERS", "O", "B-LOC"],
                     ["O", "B-LOC", "O"], ["O", "B-ORG"]]  # fmt: skip
    assert voted[2] is tags[2] and voted[3] is tags[3]  # unchanged sentences are not copied
    company = [["henry", "ford", "founded", "ford"], ["ford", "sold"]]
    company_tags = [["B-PERS", "I-PERS", "O", "B-ORG"], ["B-ORG", "O"]]
    assert vote_types(company, company_tags, {"ford"}.__contains__) == company_tags
    assert vote_types(company, company_tags)[1] == ["B-PERS", "O"]


def test_organisation_rule_takes_the_definite_words_after_the_head() -> None:
    words = ["وذكرت", "اللجنة", "العسكرية", "المركزية", "لحزب", "العمال", "الكوري", "في", "بيان"]
    assert organisation_spans(words) == [(4, 7, "ORG")]


def test_gazetteer_variants() -> None:
    assert spacing_variants("بيونغيانغ") == {"بيونغيانغ", "بيونغ يانغ"}
    assert "بيونغيانغ" in spacing_variants("بيونغ يانغ")
    pairs = [("كوريا الشمالية", "North Korea"), ("كوريا الجنوبية", "South Korea")]
    assert aligned_words(pairs)["كوريا"] == "korea"


def test_vectorized_decoder_matches_crfsuite() -> None:
    tagger = load_tagger("ar")
    assert tagger is not None
    sentences = [
        [
            "اجتمع",
            "زعيم",
            "كوريا",
            "الشمالية",
            "كيم",
            "جونغ",
            "أون",
            "ورئيس",
            "روسيا",
            "فلاديمير",
            "بوتين",
            "في",
            "بيونغ",
            "يانغ",
        ],
        ["وقال", "الأمين", "العام", "للأمم", "المتحدة", "إن", "المنظمة", "تتابع", "الوضع"],
        ["روسيا"],
    ]
    crf = tagger.decoder
    extractor: FeatureExtractor = tagger.extractor
    for words, (tags, marginals) in zip(sentences, crf.tag_many(sentences), strict=True):
        reference, reference_marginals = crf_reference(extractor, words)
        assert tags == reference
        assert marginals == pytest.approx(reference_marginals, abs=1e-6)


def crf_reference(extractor: FeatureExtractor, words: list[str]) -> tuple[list[str], list[float]]:
    """Tags from python-crfsuite itself, on the same features, and their marginals."""
    crf = pycrfsuite.Tagger()
    crf.open(str(MODELS_DIR / "ar.crfsuite"))
    tags = list(crf.tag(extractor.sentence_features(words)))
    return tags, [crf.marginal(tag, position) for position, tag in enumerate(tags)]


def test_trigger_words_and_word_frequency_are_features_of_the_words_around_them() -> None:
    extractor = FeatureExtractor(
        place_words={}, name_words=frozenset(), known=frozenset(), frequency={"قال": 12}
    )
    features = extractor.sentence_features(["قال", "الرئيس", "الفرنسي", "ماكرون"])
    assert "tg=PER" in features[1]  # `الرئيس`: a title before a person's name
    assert "-2tg=PER" in features[3]
    assert "fq=12" in features[0] and "fq=0" in features[3]  # a common word, an unknown one


def test_a_full_word_cache_keeps_the_recent_words_without_changing_tags(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tagger = load_tagger("ar")
    assert tagger is not None
    sentences = [["زار", "الرئيس", "فلاديمير", "بوتين", "موسكو"], ["روسيا", "وأوكرانيا"]]
    unseen = ["كلمةجديدةأولى", "كلمةجديدةثانية", "بوتين", "روسيا"]
    expected = tagger.tag_many([*sentences, unseen])
    tagger.decoder._ids.clear()
    monkeypatch.setattr(decoder, "_CACHE_LIMIT", 8)  # the first call fills it: the next evicts
    assert tagger.tag_many(sentences) == expected[:2]
    assert tagger.tag_many([unseen]) == expected[2:]
    assert tagger.decoder._clears > 0
    assert set(unseen) <= tagger.decoder._ids.keys() and len(tagger.decoder._ids) <= 8
    assert tagger.tag_many([*sentences, unseen]) == expected  # and the renumbered rows hold
    _, forms = tagger.tag_with_forms([unseen])
    assert forms == [token_forms(unseen, tagger.extractor.known)]


def test_affinities_tell_how_often_a_word_takes_the_article_and_a_pronoun(tmp_path: Path) -> None:
    msgpack = pytest.importorskip("msgpack")  # build time only (`make model`)
    buckets: list[object] = [{"format": "cB", "version": 1}, *[[] for _ in range(600)]]
    buckets[401] = ["بوتين", "كتاب", "الكتاب", "قال", "مدينة", "المدينة"]  # Zipf 5.0
    buckets[501] = ["كتابها", "قاله", "مدينته"]  # Zipf 4.0 (`مدينة` + `ه` = `مدينته`)
    path = tmp_path / "large_ar.msgpack.gz"
    path.write_bytes(gzip.compress(msgpack.packb(buckets)))
    affinities = word_affinities(path, 3.0)
    assert affinities["بوتين"] == "-4 -4"  # a name: neither form exists
    assert affinities["كتاب"] == "0 -1"  # a noun: both
    assert affinities["قال"] == "-4 -1"  # a verb: a pronoun, no article
    assert affinities["مدينه"] == "0 -1"
    assert "الكتاب" not in affinities  # keyed by the bare word


def test_the_shipped_arabic_model_sees_the_affinities() -> None:
    tagger = load_tagger("ar")
    assert tagger is not None
    features = tagger.extractor.word_features
    assert {"da=-3", "dp=-4"} <= set(features("وبوتين"))  # the stem's affinities
    assert "da=0" in features("الكتاب")
