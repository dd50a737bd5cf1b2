"""English and French tagging: corpus readers and tag mapping, Latin-script word features, the
crosswalk's French names and gazetteer ids, and the shipped taggers on real sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.enrich.entities.build.crosswalk_extend import (
    french_names,
    french_rows,
    gazetteer_ids,
)
from pipelines.enrich.entities.build.latin_corpora import (
    WNUT_TYPES,
    europeana_split,
    iob1_to_iob2,
    read_columns,
    read_english,
    runtime_tokens,
    training_sentences,
    wikigold_split,
    with_nationalities,
    without_handles,
)
from pipelines.enrich.entities.build.nationalities import nationality_words
from pipelines.enrich.entities.names.crosswalk import KnownName
from pipelines.enrich.entities.names.gazetteer import Gazetteer, load_gazetteer
from pipelines.enrich.entities.tagging.latin_features import (
    LatinFeatureExtractor,
    split_coordinated,
    tidy_latin_spans,
    without_leading_articles,
    word_pattern,
)
from pipelines.enrich.entities.tagging.latin_regions import as_regions, region_keys
from pipelines.enrich.entities.tagging.latin_spans import without_possessives, without_titles
from tests.conftest import shared_dataset


def test_iob1_becomes_iob2() -> None:
    tags = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]
    assert iob1_to_iob2(tags) == ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG"]


def test_columns_map_types_and_split_at_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "wnut.conll"
    path.write_text(
        "Empire\tB-location\nState\tI-location\n\t\nApple\tB-corporation\nrocks\tO\n"
        "Coldplay\tB-group\nlive\tO\nMinecraft\tB-product\n",
        encoding="utf-8",
    )
    assert read_columns(path, WNUT_TYPES) == [
        (["Empire", "State"], ["B-LOC", "I-LOC"]),
        (["Apple", "rocks", "Coldplay", "live", "Minecraft"],
         ["B-ORG", "O", "B-ORG", "O", "B-MISC"]),
    ]  # fmt: skip


def test_word_features_see_case_frequency_and_known_words() -> None:
    assert word_pattern("McDonald's") == "XxXx'x"
    assert word_pattern("U.S.") == "X.X."
    extractor = LatinFeatureExtractor(
        place_words={"paris": "GPE"}, name_words=frozenset(), known=frozenset(),
        frequency={"the": 14, "paris": 10}, person_words=frozenset({"macron"}),
        organisation_words=frozenset({"unesco"}),
    )  # fmt: skip
    assert {"fq=10", "fqs=10title", "gaz=GPE", "gas=GPEtitle"} <= set(
        extractor.word_features("Paris")
    )
    assert "fq=0" in extractor.word_features("Macron")  # rare in general text
    assert "pn" in extractor.word_features("Macron")
    assert "ow" in extractor.word_features("UNESCO")
    assert "tg=PER" in extractor.word_features("président")
    assert "tg=ORG" in extractor.word_features("University")
    assert extractor.word_features("’") == extractor.word_features("'")  # one apostrophe


def test_leading_articles_leave_names_unless_part_of_a_known_name() -> None:
    words = ["The", "European", "Union", "met", "The", "Guardian", "and", "L", "'", "ONU"]
    spans = [(0, 3, "ORG"), (4, 6, "ORG"), (7, 10, "ORG")]
    known = {"The Guardian"}.__contains__

    def is_known(name: list[str]) -> bool:
        return known(" ".join(name))

    assert without_leading_articles(words, spans, "en", is_known) == [
        (1, 3, "ORG"), (4, 6, "ORG"), (7, 10, "ORG"),
    ]  # fmt: skip
    assert without_leading_articles(words, spans[2:], "fr", is_known) == [(9, 10, "ORG")]


def test_coordinated_french_names_are_cut_apart() -> None:
    words = [
        "la",
        "Banque",
        "mondiale",
        "et",
        "de",
        "Renault",
        "et",
        "Paul",
        "Garnier",
        "et",
        "Anna",
        "Kowalczyk",
    ]
    spans = [(1, 6, "ORG"), (7, 12, "PERS")]
    assert split_coordinated(words, spans, lambda name: False) == [
        (1, 3, "ORG"), (5, 6, "ORG"), (7, 9, "PERS"), (10, 12, "PERS"),
    ]  # fmt: skip
    ministry = ["Ministère", "de", "la", "Culture", "et", "de", "la", "Communication"]
    assert split_coordinated(ministry, [(0, 8, "ORG")], lambda name: False) == [(0, 8, "ORG")]
    assert split_coordinated(words, spans[:1], lambda name: True) == [(1, 6, "ORG")]  # known


def test_spans_without_a_capital_letter_are_no_names_in_news() -> None:
    words = ["shares", "rose", "at", "eBay", "and", "The", "Guardian"]
    spans = [(1, 2, "PERS"), (3, 4, "ORG"), (5, 7, "ORG")]
    assert tidy_latin_spans(words, spans, "en", lambda name: False) == [
        (3, 4, "ORG"), (6, 7, "ORG"),
    ]  # fmt: skip


def test_a_capital_letter_is_a_letter_not_punctuation_or_a_digit() -> None:
    words = ["rose", "'", "s", "3", "-", "d", "at", "iPhone"]
    spans = [(0, 3, "PERS"), (3, 6, "MISC"), (7, 8, "MISC")]
    assert tidy_latin_spans(words, spans, "en", lambda name: False) == [(7, 8, "MISC")]


def test_possessives_leave_names_unless_part_of_a_known_name() -> None:
    words = ["Ford", "’", "s", "plant", "and", "McDonald", "'", "s", "and", "Jones", "'"]
    spans = [(0, 3, "ORG"), (5, 8, "ORG"), (9, 11, "PERS")]
    assert without_possessives(words, spans, lambda name: False) == [
        (0, 1, "ORG"), (5, 6, "ORG"), (9, 10, "PERS"),
    ]  # fmt: skip
    known = {"mcdonald s", "ford"}

    def is_known(name: list[str]) -> bool:
        return " ".join(w.lower() for w in name if w.isalnum()) in known

    assert without_possessives(words, spans, is_known)[:2] == [(0, 1, "ORG"), (5, 8, "ORG")]


def test_titles_leave_person_names() -> None:
    words = ["President", "Donald", "Trump", "met", "M", ".", "Macron", "and", "General", "Motors"]
    spans = [(0, 3, "PERS"), (4, 7, "PERS"), (8, 10, "ORG")]
    assert without_titles(words, spans, lambda name: False) == [
        (1, 3, "PERS"), (6, 7, "PERS"), (8, 10, "ORG"),
    ]  # fmt: skip
    assert without_titles(["Mr", "."], [(0, 2, "PERS")], lambda name: False) == [(0, 2, "PERS")]
    assert without_titles(words, spans[:1], lambda name: True) == spans[:1]  # a known name


def test_regions_are_places() -> None:
    words = ["du", "Golfe", ",", "du", "Maghreb", "et", "d", "’", "Europe", "de", "l", "’", "Est"]
    spans = [(4, 5, "ORG"), (8, 13, "ORG")]
    assert as_regions(words, spans) == [(4, 5, "LOC"), (8, 13, "LOC")]
    assert {"maghreb", "middle east", "moyen orient", "sub saharan africa"} <= region_keys()
    assert as_regions(["Arctic", "Monkeys"], [(0, 2, "ORG")]) == [(0, 2, "ORG")]


def test_corpus_tokens_are_split_as_the_stage_splits_text() -> None:
    sentences = [(["L'", "ONU", "et", "U.S.", "Army"], ["O", "B-ORG", "O", "B-ORG", "I-ORG"])]
    assert runtime_tokens(sentences) == [
        (["L", "'", "ONU", "et", "U", ".", "S", ".", "Army"],
         ["O", "O", "B-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"]),
    ]  # fmt: skip


def test_nationalities_are_misc_where_a_corpus_leaves_them_untagged() -> None:
    words = nationality_words(frozenset({"georgia"}))
    assert {"american", "americans", "french", "portuguese", "belgian", "catholic"} <= set(words)
    assert {"georgia", "han"}.isdisjoint(words)  # a place; too short
    sentence = (["French", "and", "french", "fries", "in", "Paris"], ["O", "O", "O", "O", "O",
                                                                      "B-LOC"])  # fmt: skip
    assert with_nationalities([sentence], frozenset(words))[0][1] == [
        "B-MISC", "O", "O", "O", "O", "B-LOC",
    ]  # fmt: skip


def test_handles_and_hashtags_are_no_names_in_training() -> None:
    sentence = (["RT", "@", "justinbieber", ":", "#", "Obama", "in", "Paris"],
                ["O", "B-PERS", "I-PERS", "O", "O", "B-PERS", "O", "B-LOC"])  # fmt: skip
    untagged = ["O", "O", "O", "O", "O", "O", "O", "B-LOC"]
    assert without_handles([sentence])[0][1] == untagged
    assert training_sentences("btc", [sentence], frozenset())[0][1] == untagged
    plain = (["Obama", "in", "Paris"], ["B-PERS", "O", "B-LOC"])
    assert without_handles([plain])[0] is plain


def test_french_names_join_the_english_entity_and_the_gazetteer_id_wins() -> None:
    pairs = [("United Nations", "Nations unies"), ("United Nations", "ONU"),
             ("World Bank", "Banque mondiale"), ("Nowhere Inc", "Nulle part")]  # fmt: skip
    taken = {("ORG", "nations unies")}
    rows = french_rows(pairs, {"org:united nations", "org:world bank"}, taken, {"paris"})
    assert rows == [
        ("ORG", "banque mondiale", "org:world bank"),
        ("ORG", "onu", "org:united nations"),
    ]
    un = KnownName("org:united nations", "ORG", "United Nations", "الأمم المتحدة")
    gazetteer = load_gazetteer()
    names, renamed = gazetteer_ids([un], rows, gazetteer)
    assert names[0].entity_id == "cldr:UN"
    assert ("ORG", "onu", "cldr:UN") in renamed
    no_places = Gazetteer({}, {}, frozenset())
    assert gazetteer_ids([un], rows, no_places)[1] == rows  # no such place: ids kept
    assert ("United Nations", "Organisation des Nations unies") in french_names()


def test_english_corpora_read_with_their_types() -> None:
    root = shared_dataset("english_ner").parent
    wnut = read_english("wnut17", root)
    assert len(wnut) == 3394 + 1009 + 1287
    kinds = {tag[2:] for _, tags in wnut for tag in tags if tag != "O"}
    assert kinds == {"PERS", "ORG", "LOC", "MISC"}
    wikigold = read_english("wikigold", root)
    assert len(wikigold) == 1696
    assert all(not tags[0].startswith("I-") for _, tags in wikigold)  # IOB2 now
    train, held_out = wikigold_split(root)
    assert len(held_out) == 14 and len(train) + sum(map(len, held_out)) == 1696


def test_europeana_held_out_slice_is_the_corpus_end() -> None:
    path = shared_dataset("french_ner/europeana_newspapers_fr") / "enp_FR.bnf.bio"
    train, test = europeana_split(path)
    tokens = [sum(len(words) for words, _ in part) for part in (train, test)]
    assert sum(tokens) == 205_916
    assert 0.09 < tokens[1] / sum(tokens) < 0.11


@pytest.mark.parametrize("language", ["en", "fr"])
def test_shipped_latin_taggers_find_persons_and_organisations(language: str) -> None:
    from pipelines.enrich.entities.tagging.tagger import load_tagger

    tagger = load_tagger(language)
    assert tagger is not None
    assert isinstance(tagger.extractor, LatinFeatureExtractor)
    sentence = {
        "en": "Prime Minister Boris Johnson met officials of the World Health Organization "
        "in Geneva on Monday .",
        "fr": "Le président Emmanuel Macron a reçu les dirigeants de la Banque mondiale "
        "à Paris lundi .",
    }[language].split()
    tags, _ = tagger.tag(sentence)
    kinds = {tag[2:] for tag in tags if tag != "O"}
    assert {"PERS", "ORG", "LOC"} <= kinds


def test_english_and_french_organisations_share_ids_across_scripts() -> None:
    from pipelines.enrich.entities import extract_mentions

    english = extract_mentions("The European Union agreed on Monday.", "en")
    french = extract_mentions("La Banque mondiale et Emmanuel Macron.", "fr")
    arabic = extract_mentions("قالت منظمة الأمم المتحدة إن البنك الدولي سيساعد.", "ar")
    assert [(m.surface, m.entity.entity_id) for m in english] == [("European Union", "cldr:EU")]
    assert [(m.surface, m.entity.entity_id) for m in french] == [
        ("Banque mondiale", "org:world bank"),  # `La` left out
        ("Emmanuel Macron", "per:emmanuel macron"),
    ]
    assert {m.entity.entity_id for m in arabic} == {"cldr:UN", "org:world bank"}
