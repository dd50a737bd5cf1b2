"""The known-name CRF feature: tokens of a crosswalk or gazetteer name that appears whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.enrich.entities.extract import extract_mentions
from pipelines.enrich.entities.names import text
from pipelines.enrich.entities.names.known_spans import SPAN_MARK, KnownSpans
from pipelines.enrich.entities.names.text import (
    inner_forms,
    name_forms,
    split_sentences,
    token_forms,
)
from pipelines.enrich.entities.tagging.features import FeatureExtractor
from pipelines.enrich.entities.tagging.tagger import load_tagger

SEED = Path(__file__).resolve().parents[1] / "clean" / "fixtures" / "seed_article.txt"

SPANS = KnownSpans.build(
    [
        ("حزب عمال", "ORG"),
        ("حزب عمال كوري", "ORG"),
        ("كوريا شماليه", "GPE"),
        ("حزب عمال", "PER"),  # a later type for the same key loses
        ("حماس", "ORG"),
        ("روسيا", "GPE"),  # one-word places are left to the gazetteer word feature
    ]
)


def _extractor(spans: KnownSpans = SPANS) -> FeatureExtractor:
    known = frozenset({"حزب", "روسيا"}) | spans.arabic_firsts()
    return FeatureExtractor({}, frozenset(), known, known_spans=spans)


def test_the_longest_known_name_from_the_left_is_marked() -> None:
    words = ["ولحزب", "العمال", "الكوري", "في", "كوريا", "الشمالية", "وروسيا", "وحماس"]
    marked = _extractor().marked(words)
    assert [w.partition(SPAN_MARK)[2] for w in marked] == [
        "B-ORG", "I-ORG", "I-ORG", "", "B-LOC", "I-LOC", "", "B-ORG"
    ]  # fmt: skip
    assert marked[3] == "في"  # unmarked words stay as they are


def test_a_sentence_without_known_names_is_returned_as_is() -> None:
    words = ["قال", "الرئيس", "العمال"]
    assert _extractor().marked(words) is words


def test_a_mark_adds_own_features_only() -> None:
    extractor = _extractor()
    plain, marked = extractor.context("حماس"), extractor.context("حماس" + SPAN_MARK + "B-ORG")
    assert marked[0] == [*plain[0], "sm=ORG", "smp=B-ORG"]
    assert marked[1:] == plain[1:]  # as a neighbour the word looks the same
    features = extractor.sentence_features(["قالت", "حماس"])
    assert "sm=ORG" in features[1] and not any("sm=" in f for f in features[0])


def test_the_shipped_tables_give_the_feature() -> None:
    tagger = load_tagger("ar")
    assert tagger is not None
    words = ["وقالت", "الأمم", "المتحدة", "في", "بيونغ", "يانغ"]  # the UN is a CLDR body
    marks = [w.partition(SPAN_MARK)[2] for w in tagger.extractor.marked(words)]
    assert marks == ["", "B-ORG", "I-ORG", "", "B-LOC", "I-LOC"]


def test_the_decoder_marks_the_same_words_as_the_feature_extractor() -> None:
    """The decoder pre-checks where a name may begin (vectorized) and marks only those
    sentences; the rows it picks must be those of `marked` on every sentence."""
    tagger = load_tagger("ar")
    assert tagger is not None
    text = SEED.read_text(encoding="utf-8")
    sentences = split_sentences(text)[0] + [
        ["قالت", "حركة", "حماس", "وحلف", "الناتو", "إن", "الأمم", "المتحدة"],
        ["على", "أن", "علي", "خامنئي", "في", "لا", "باز"],  # function words that begin names
        ["الأمم"],  # a first word at the end of a sentence, then a second at the start of the next
        ["المتحدة", "تقول"],
        [],
    ]
    ids = tagger.decoder.word_ids(sentences).tolist()
    rows = {row: word for word, row in tagger.decoder._ids.items()}
    expected = [word for words in sentences for word in tagger.extractor.marked(words)]
    assert [rows[i] for i in ids] == expected
    assert sum(SPAN_MARK in word for word in expected) >= 8


def test_name_first_words_do_not_cut_other_words() -> None:
    """Known names' first words are strippable only for name starts: `وباريس` stays Paris for
    the stems and the place matcher even though some name begins with `اريس`."""
    tagger = load_tagger("ar")
    assert tagger is not None
    extractor = tagger.extractor
    assert token_forms(["وباريس", "براون"], extractor.known) == ["باريس", "براون"]
    assert extractor.first_forms(["وحماس"]) == ["حماس"]
    places = {m.entity.entity_id for m in extract_mentions("زار الرئيس لندن وباريس", "ar")}
    assert "geonames:2988507" in places  # Paris


@pytest.mark.parametrize("shipped", [True, False])
def test_new_words_get_the_forms_the_cached_functions_give(
    shipped: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The decoder computes new words' name forms in one pass (`name_forms`)."""
    tagger = load_tagger("ar")
    assert tagger is not None
    extractor = tagger.extractor if shipped else _extractor()  # the latter: no `span_known`
    words = ["ولحزب", "العمال", "وحماس", "وباريس", "بوتين", "للمرة", "فالأمم", "Hamas", "١٢", "،"]
    monkeypatch.setattr(text, "_FORMS", {})  # empty caches: every form is computed
    monkeypatch.setattr(text, "_INNER_FORMS", {})

    def cached() -> tuple[list[str], list[str], list[str]]:
        return token_forms(words, extractor.known), extractor.first_forms(words), inner_forms(words)

    expected = cached()
    more = extractor.span_known or extractor.known
    assert name_forms(words, extractor.known, more) == expected
    monkeypatch.setattr(text, "_FORMS", {})
    monkeypatch.setattr(text, "_INNER_FORMS", {})
    assert name_forms(words, extractor.known, more) == expected
    assert cached() == expected  # and as cached
    assert token_forms(words, extractor.known) == [extractor.cluster_key(w) for w in words]


def test_the_decoder_gives_the_token_forms_of_every_word_even_after_a_cleared_cache() -> None:
    """`Tagger.tag_with_forms`: the forms come from the decoder's rows, not from look-ups."""
    tagger = load_tagger("ar")
    assert tagger is not None
    sentences = [["ولحزب", "العمال", "زار", "وباريس"], ["قال", "بوتين", "،", "Hamas"]]
    expected = [token_forms(words, tagger.extractor.known) for words in sentences]
    tagged, forms = tagger.tag_with_forms(sentences)
    assert forms == expected
    assert tagged == tagger.tag_many(sentences, outside_marginals=False)
    tagger.decoder._ids.clear()  # as when the cache is full: rows are handed out again
    assert tagger.tag_with_forms(sentences[::-1])[1] == expected[::-1]
