"""The person/organisation crosswalk: build rules on tiny fixtures, the committed table, and an
English and an Arabic sentence naming the same person resolving to one entity."""

from __future__ import annotations

import json
from pathlib import Path

from pipelines.enrich.entities.batch import entity_tables
from pipelines.enrich.entities.build.crosswalk_build import (
    arabic_keys,
    build_crosswalk,
    crosswalk_rows,
    display,
    english_keys,
    respelled,
)
from pipelines.enrich.entities.extract import extract_mentions
from pipelines.enrich.entities.mentions import keyed_entity
from pipelines.enrich.entities.names.crosswalk import (
    KnownName,
    alias_words,
    known_name,
    read_crosswalk,
    write_crosswalk,
)
from pipelines.enrich.entities.tagging.organisations import (
    known_organisation_spans,
    standalone_organisations,
)


def test_name_keys_of_both_languages_with_spelling_variants() -> None:
    assert english_keys("kim jong-un", "PER") == {"kim jong un"}
    assert english_keys("recep tayyip erdoğan", "PER") == {
        "recep tayyip erdoğan", "recep tayyip erdogan",
    }  # fmt: skip
    assert english_keys("bashar al-assad", "PER") == {"bashar al assad", "bashar assad"}
    assert english_keys("al-nassr fc", "ORG") == {"al nassr fc", "nassr fc", "al nassr"}
    assert english_keys("putin", "PER") == set()  # one word: never a whole famous name
    assert arabic_keys("فلاديمير بوتين", "PER") == {"فلاديمير بوتين"}
    assert arabic_keys("عبد الله الثاني", "PER") == {"عبد له ثاني", "عبدالله ثاني"}
    assert arabic_keys("نادي النصر السعودي", "ORG") == {"نادي نصر سعودي", "نصر سعودي"}
    assert arabic_keys("نادي الهلال", "ORG") == {"نادي هلال"}  # not `هلال` alone
    assert arabic_keys("نادي الاتحاد السعودي", "ORG") == {"نادي اتحاد سعودي"}  # a federation
    assert display("al-hilal fc") == "Al-Hilal FC"


def test_other_arabic_spellings_come_from_aligned_name_words() -> None:
    spellings = {"kim": "كيم", "helmut": "هيلموت", "mirza": "ميرزا", "trump": "ورقة رابحة"}
    assert respelled("kim jong-un", "كم جونغ أون", spellings) == {"كيم جونغ أون"}
    assert respelled("helmut kohl", "هلموت كول", spellings) == {"هيلموت كول"}
    assert respelled("mirza ghulam ahmad", "غلام أحمد القادياني", spellings) == set()
    assert respelled("donald trump", "دونالد ترمب", spellings) == set()  # a translation


def test_shared_and_place_keys_are_left_out_and_the_primary_title_wins() -> None:
    entries = [
        ("ORG", "al-hilal club (omdurman)", "نادي الهلال (السودان)", True),
        ("ORG", "al-hilal fc", "نادي الهلال", False),
        ("PER", "john smith", "جون سميث", False),
        ("PER", "john smith (footballer)", "جون سميث", True),
        ("PER", "jon smith", "جون سميث", False),
        ("PER", "madonna", "مادونا", False),
        ("PER", "georgia smith", "جورجيا", False),
        ("PER", "muhammad ali", "محمد علي", False),
        ("ORG", "ittihad fc", "الاتحاد السعودي", False),
    ]
    names, rows = crosswalk_rows(entries, frozenset({"جورجيا"}), frozenset({"محمد", "علي"}))
    table = {(t, k): i for t, k, i in rows}
    assert table["ORG", "نادي هلال"] == "org:al hilal fc"
    assert ("ORG", "al hilal club") not in table  # a disambiguated title only
    assert ("PER", "جون سميث") not in table  # two primary titles share it
    assert table["PER", "john smith"] == "per:john smith"
    assert not any(i == "per:madonna" for i in table.values())
    assert ("PER", "جورجيا") not in table  # a place key, and one word
    assert ("PER", "محمد علي") not in table and table["PER", "muhammad ali"] == "per:muhammad ali"
    assert ("ORG", "اتحاد سعودي") not in table and table["ORG", "ittihad fc"] == "org:ittihad fc"
    assert {n.entity_id for n in names} == set(table.values())


def test_the_table_file_round_trips_byte_identically(tmp_path: Path) -> None:
    names = [KnownName("per:vladimir putin", "PER", "Vladimir Putin", "فلاديمير بوتين")]
    keys = [
        ("PER", "vladimir putin", "per:vladimir putin"),
        ("PER", "فلاديمير بوتين", "per:vladimir putin"),
    ]
    first, second = tmp_path / "a.tsv.gz", tmp_path / "b.tsv.gz"
    write_crosswalk(first, names, keys, "test")
    write_crosswalk(second, reversed(names), reversed(keys), "test")
    assert first.read_bytes() == second.read_bytes()
    assert read_crosswalk(first) == {("PER", k): names[0] for _, k, _ in keys}
    assert read_crosswalk(tmp_path / "missing.tsv.gz") == {}


def test_build_from_a_tiny_arwikicats_folder(tmp_path: Path) -> None:
    (tmp_path / "people").mkdir()
    (tmp_path / "people" / "peoples.json").write_text(
        json.dumps({"vladimir putin": "فلاديمير بوتين"}), encoding="utf-8"
    )
    (tmp_path / "keys.json").write_text(
        json.dumps({"x": {"al-qaeda": "تنظيم القاعدة", "time travel": "السفر عبر الزمن"}}),
        encoding="utf-8",
    )
    spellings = tmp_path / "names.json"  # arabnamer's format; it is installed by `make model` only
    spellings.write_text(json.dumps({"vladimir": "فلاديمير"}), encoding="utf-8")
    listed = tmp_path / "organisations.tsv"  # the project's list wins a name it shares
    listed.write_text(
        "# list\nHamas\tحركة حماس|حماس\nAl-Qaeda\tتنظيم القاعدة\nFIFA\tالاتحاد الدولي لكرة القدم\n",
        encoding="utf-8",
    )
    out = tmp_path / "crosswalk.tsv.gz"
    assert build_crosswalk(out, tmp_path, spellings, listed) == (4, 8)
    table = read_crosswalk(out)
    assert {(t, k): n.entity_id for (t, k), n in table.items()} == {
        ("PER", "vladimir putin"): "per:vladimir putin",
        ("PER", "فلاديمير بوتين"): "per:vladimir putin",
        ("ORG", "al qaeda"): "org:al qaeda",
        ("ORG", "تنظيم قاعده"): "org:al qaeda",
        ("ORG", "حركه حماس"): "org:hamas",
        ("ORG", "حماس"): "org:hamas",
        ("ORG", "fifa"): "org:fifa",
        ("ORG", "اتحاد دولي لكره قدم"): "org:fifa",  # a federation: the list says so
    }  # English `hamas` is a name of Hama in the gazetteer: a place key, left out
    assert table["ORG", "حماس"].name_ar == "حركة حماس"
    assert table["ORG", "al qaeda"].name == "Al-Qaeda"  # as the list writes it


def test_only_whole_names_link() -> None:
    assert known_name("PER", "فلاديمير بوتين") == known_name("PER", "vladimir putin")
    assert known_name("PER", "بوتين") is None and known_name("PER", "محمد") is None
    assert known_name("ORG", "فلاديمير بوتين") is None  # the type must agree
    entity = keyed_entity("PER", ["فلاديمير", "بوتين"], "فلاديمير بوتين", frozenset())
    assert entity is not None
    assert (entity.entity_id, entity.name, entity.name_ar) == (
        "per:vladimir putin", "Vladimir Putin", "فلاديمير بوتين",
    )  # fmt: skip
    assert alias_words("per:vladimir putin", "فلاديمير بوتين") == {
        "vladimir", "putin", "فلاديمير", "بوتين",
    }  # fmt: skip


def test_an_english_and_an_arabic_sentence_name_the_same_person_with_one_id() -> None:
    records = [
        {"article_id": "en", "title": None, "language": "en",
         "body": "Russian President Vladimir Putin met the delegation in Moscow."},
        {"article_id": "ar", "title": None, "language": "ar",
         "body": "التقى الرئيس الروسي فلاديمير بوتين الوفد في موسكو. وقال بوتين إن اللقاء مهم."},
    ]  # fmt: skip
    mentions, entities, _ = entity_tables(records)
    people = {(r["article_id"], r["surface"], r["entity_id"]) for r in mentions.to_pylist()
              if r["entity_type"] == "PER"}  # fmt: skip
    assert people == {
        ("en", "Vladimir Putin", "per:vladimir putin"),
        ("ar", "فلاديمير بوتين", "per:vladimir putin"),
        ("ar", "بوتين", "per:vladimir putin"),
    }
    row = next(r for r in entities.to_pylist() if r["entity_id"] == "per:vladimir putin")
    assert (row["name"], row["name_ar"]) == ("Vladimir Putin", "فلاديمير بوتين")


def test_one_word_organisation_names_that_are_no_word_are_found_untagged() -> None:
    affinity = {"داعش": ["-4", "-4"], "حماس": ["-1", "-1"], "ناتو": ["1", "-2"]}
    names = standalone_organisations(["داعش", "حماس", "ناتو", "اوكسفام", "حزب الله"], affinity)
    assert names == {"داعش", "اوكسفام"}  # `حماس` is also "enthusiasm"; `الناتو` takes the article
    assert known_organisation_spans(["مقاتلي", "داعش", "في"], names) == [(1, 2, "ORG")]
    mentions = extract_mentions("هجوم شنه داعش على المدينة وأعلن ولاءه لداعش", "ar")
    assert [(m.surface, m.entity.entity_id) for m in mentions] == [
        ("داعش", "org:islamic state isis"),
        ("داعش", "org:islamic state isis"),  # the proclitic `ل` left out of the mention
    ]
