"""Entities: normalization, gazetteer linking, the seed's entities, offsets (committed models)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.clean import clean_article
from pipelines.enrich.entities.batch import entity_tables
from pipelines.enrich.entities.build.corpus import WOJOOD_TYPES, outermost_spans, score, spans
from pipelines.enrich.entities.extract import extract_mentions
from pipelines.enrich.entities.mentions import Mention
from pipelines.enrich.entities.names.gazetteer import load_gazetteer
from pipelines.enrich.entities.names.text import (
    clitic_length,
    name_key,
    normalize_word,
    strip_article,
    strip_clitics,
    tokenize,
)

SEED = Path(__file__).resolve().parents[1] / "clean" / "fixtures" / "seed_article.txt"


def test_normalization_folds_alef_ya_ta_marbuta_diacritics_and_tatweel() -> None:
    assert normalize_word("أَحْمَد") == "احمد"
    assert normalize_word("إسلام") == normalize_word("اسلام") == "اسلام"
    assert normalize_word("مستشفى") == "مستشفي"
    assert normalize_word("اللجنة") == "اللجنه"
    assert normalize_word("جنودًا") == "جنودا"
    assert normalize_word("كـــوريا") == "كوريا"
    assert normalize_word("Russia") == "russia"


def test_article_and_proclitics_are_stripped_only_down_to_known_words() -> None:
    known = frozenset({"روسيا", "حزب"})
    assert strip_article("الامم") == "امم"
    assert strip_article("للامم") == "امم"
    assert strip_clitics("وروسيا", known) == "روسيا"
    assert strip_clitics("لحزب", known) == "حزب"
    assert strip_clitics("بوتين", known) == "بوتين"  # `ب` + `وتين` is not a known word
    assert name_key(["والأمم", "المتحدة"]) == name_key(["الامم", "المتحده"]) == "امم متحده"
    assert clitic_length("وَروسيا", known) == 2  # the conjunction and its fatha
    assert clitic_length("للأمم", known) == 0
    assert clitic_length("وكالة", known) == 0  # a word, not و + ك + الة


def test_tokens_carry_offsets_into_the_text() -> None:
    text = "زعيم كوريا الشمالية، كيم جونغ أون."
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["زعيم", "كوريا", "الشمالية", "،", "كيم", "جونغ", "أون", "."]
    assert all(text[t.start : t.end] == t.text for t in tokens)


@pytest.mark.parametrize(
    ("name", "entity_id"),
    [
        ("روسيا", "iso:RU"),
        ("Russia", "iso:RU"),
        ("Russie", "iso:RU"),
        ("أوكرانيا", "iso:UA"),
        ("كوريا الشمالية", "iso:KP"),
        ("Korea الشمالية", "iso:KP"),
        ("بيونغيانغ", "geonames:1871859"),
        ("بيونغ يانغ", "geonames:1871859"),
        ("كورسك", "geonames:538560"),
        ("الأمم المتحدة", "cldr:UN"),
    ],
)
def test_spelling_and_language_variants_link_to_one_id(name: str, entity_id: str) -> None:
    place = load_gazetteer().lookup(name_key(name.split()))
    assert place is not None and place.entity_id == entity_id


@pytest.fixture(scope="module")
def seed_mentions() -> list[Mention]:
    cleaned = clean_article(
        title=None, body=SEED.read_text(encoding="utf-8"), published_at_raw=None, is_plain_text=True
    )
    assert cleaned.title is not None
    return extract_mentions(cleaned.title, "ar", "title") + extract_mentions(
        cleaned.body, "ar", "body"
    )


def test_seed_entities_are_found_and_linked(seed_mentions: list[Mention]) -> None:
    by_surface = {(m.surface, m.entity.entity_id) for m in seed_mentions}
    assert ("Korea الشمالية", "iso:KP") in by_surface
    assert ("كوريا الشمالية", "iso:KP") in by_surface
    assert ("روسيا", "iso:RU") in by_surface
    assert ("أوكرانيا", "iso:UA") in by_surface
    assert ("كورسك", "geonames:538560") in by_surface
    assert ("بيونغ يانغ", "geonames:1871859") in by_surface
    assert ("كيم جونغ أون", "per:kim jong un") in by_surface  # the crosswalk
    assert ("فلاديمير بوتين", "per:vladimir putin") in by_surface  # the crosswalk
    assert ("الأمم المتحدة", "cldr:UN") in by_surface
    # the project's organisation list, in the crosswalk
    assert any(m.entity.entity_id == "org:workers party of korea" for m in seed_mentions)
    types = {m.entity.entity_id: m.entity_type for m in seed_mentions}
    assert types["per:kim jong un"] == "PER" and types["iso:KP"] == "GPE"


def test_offsets_point_at_the_surface_in_title_or_body() -> None:
    tables = entity_tables(
        [
            {
                "article_id": "a",
                "title": "Korea الشمالية",
                "body": "قال بوتين إن روسيا.",
                "language": "ar",
            }
        ]
    )
    rows = tables[0].to_pylist()
    texts = {"title": "Korea الشمالية", "body": "قال بوتين إن روسيا."}
    assert rows and all(
        texts[r["field"]][r["start_char"] : r["end_char"]] == r["surface"] for r in rows
    )
    assert {r["entity_id"] for r in tables[1].to_pylist()} >= {"iso:KP", "iso:RU"}


def test_russia_has_one_id_in_arabic_and_english() -> None:
    arabic = extract_mentions("وصل الوفد إلى روسيا أمس.", "ar")
    english = extract_mentions("The delegation arrived in Russia on Monday.", "en")
    assert {m.entity.entity_id for m in arabic if m.surface == "روسيا"} == {"iso:RU"}
    assert {m.entity.entity_id for m in english if m.surface == "Russia"} == {"iso:RU"}


def test_strict_span_scoring() -> None:
    assert spans(["B-PERS", "I-PERS", "O", "I-LOC", "B-ORG"]) == {
        (0, 2, "PERS"), (3, 4, "LOC"), (4, 5, "ORG"),
    }  # fmt: skip
    result = score([["B-PERS", "I-PERS", "O"]], [["B-PERS", "O", "O"]])
    assert result.prf() == (0.0, 0.0, 0.0)


def test_nested_layers_flatten_to_the_outermost_span_of_a_mapped_type() -> None:
    # رسالة سكرتير اللجنة القومية في نابلس / وزارة الصحة السعودية
    outer = ["O", "B-OCC", "I-OCC", "I-OCC", "I-OCC", "I-OCC", "B-ORG", "I-ORG", "I-ORG"]
    inner = ["O", "O", "B-ORG", "I-ORG", "O", "B-GPE", "O", "O", "B-GPE"]
    assert outermost_spans([outer, inner], WOJOOD_TYPES) == [
        "O", "O", "B-ORG", "I-ORG", "O", "B-LOC", "B-ORG", "I-ORG", "I-ORG",
    ]  # fmt: skip


def test_a_surname_alone_links_to_the_fuller_name_in_the_same_article() -> None:
    body = "التقى فلاديمير بوتين بالوفد. وقال بوتين إن الاتفاق مهم."
    rows = entity_tables([{"article_id": "a", "title": None, "body": body, "language": "ar"}])[0]
    people = {(r["surface"], r["entity_id"]) for r in rows.to_pylist() if r["entity_type"] == "PER"}
    assert people == {("فلاديمير بوتين", "per:vladimir putin"), ("بوتين", "per:vladimir putin")}


def test_english_and_untagged_languages_link_to_the_same_ids() -> None:
    english = extract_mentions("The United Nations said North Korea sent troops to Russia.", "en")
    french = extract_mentions("Les Nations unies disent que la Corée du Nord aide la Russie.", "fr")
    assert {m.entity.entity_id for m in english} >= {"cldr:UN", "iso:KP", "iso:RU"}
    assert {(m.surface, m.entity.entity_id) for m in french} == {
        ("Nations unies", "cldr:UN"),
        ("Corée du Nord", "iso:KP"),
        ("Russie", "iso:RU"),
    }
