"""Every unlinked mention and every dropped span names the linking rule that decided it."""

from __future__ import annotations

import re
from pathlib import Path

from pipelines.enrich.entities.batch import entity_tables
from pipelines.enrich.entities.extract import find_in_texts
from pipelines.enrich.entities.linking.reasons import PASSES, Reason
from tests.enrich.placed import judged, reviewed

LINKING = Path(__file__).resolve().parents[2] / "pipelines" / "enrich" / "entities" / "linking"
TEXTS = [
    "قال الرئيس الروسي فلاديمير بوتين في موسكو إن الأمم المتحدة ستجتمع.",
    "بدأ الحفل بعد صلاة المغرب مباشرة ، ويوزعون ويهنئون الناس في مشهد جميل لم نعتد عليه.",
    "قال مسؤول إن جنديا تركيا قتل ، وقال المتحدث سامي أبو زهري إن حركة حماس ترفض.",
    "وخبراء من دول المغرب العربي ومنطقة الساحل ، وقال سيريزو رئيس اتليتيكو مدريد : إن",
]


def test_each_reason_names_its_pass_and_the_passes_are_in_order() -> None:
    assert {reason.value.split(".")[0] for reason in Reason} == set(PASSES)
    order = [PASSES.index(reason.value.split(".")[0]) for reason in Reason]
    assert order == sorted(order)  # declared in the order the passes run


def test_every_verdict_without_a_place_built_by_a_rule_carries_a_reason() -> None:
    for module in LINKING.glob("*.py"):
        for call in re.findall(r"Verdict\([^()]*\bNone\)", module.read_text(encoding="utf-8")):
            raise AssertionError(f"{module.name}: {call} has no reason")


def test_unlinked_mentions_name_a_rule_and_linked_ones_none() -> None:
    found = find_in_texts([(text, "ar", "body") for text in TEXTS])
    mentions = [m for text in found for m in text.mentions]
    assert mentions and any(not m.entity.is_linked for m in mentions)
    for mention in mentions:
        assert (mention.unlinked_reason is None) == mention.entity.is_linked, mention
        assert mention.unlinked_reason is None or mention.unlinked_reason in Reason


def test_dropped_spans_are_no_mentions_and_carry_their_rule() -> None:
    records = [{"article_id": str(i), "title": None, "body": t, "language": "ar"}
               for i, t in enumerate(TEXTS)]  # fmt: skip
    mentions, _, dropped = entity_tables(records)
    drops = {(r["article_id"], r["surface"], r["drop_reason"]) for r in dropped.to_pylist()}
    assert ("1", "المغرب", "reading.prayer_time") in drops
    assert ("1", "مشهد", "cue.frequent_noun") in drops
    assert ("2", "تركيا", "reading.demonym_accusative") in drops
    # `اتليتيكو مدريد`: the club rule widens the place over a word already an ORG mention
    assert ("3", "اتليتيكو مدريد", "mention.overlap") in drops
    kept = {(r["article_id"], r["start_char"]) for r in mentions.to_pylist()}
    ruled = {(r["article_id"], r["start_char"]) for r in dropped.to_pylist()
             if r["drop_reason"] != Reason.OVERLAP}  # fmt: skip
    assert ruled and not kept & ruled
    for row in dropped.to_pylist():
        text = TEXTS[int(row["article_id"])]
        assert text[row["start_char"] : row["end_char"]] == row["surface"]


def test_the_rules_that_retype_a_place_name_themselves() -> None:
    region = reviewed("وخبراء من دول المغرب العربي ومنطقة الساحل", "المغرب")
    assert (region.kind, region.place, region.reason) == ("LOC", None, Reason.REGION)
    club = reviewed("قال سيريزو رئيس اتليتيكو مدريد : إن", "مدريد")
    assert (club.kind, club.reason) == ("ORG", Reason.NAMED_CLUB)
    index = judged("وفقا لنتائج مؤشر مونستر للتوظيف في", 3)
    assert (index.kind, index.reason) == ("MISC", Reason.NAME_HEAD)
    kept = reviewed("وصل الوفد إلى الرياض أمس", "الرياض")
    assert kept.place is not None and kept.reason is None


def test_the_asset_metadata_counts_mentions_by_reason_over_the_merges() -> None:
    from pipelines.assets.dumps import _metadata
    from pipelines.merge.loader import LoadReport

    merges = [
        {"entity_articles_enriched": 2,
         "entity_mentions_unlinked_by_reason": {"phrase.name_head": 1, "candidate.unknown_name": 5},
         "entity_mentions_dropped_by_reason": {"cue.adverb_shape": 2}},
        {"entity_articles_enriched": 1,
         "entity_mentions_unlinked_by_reason": {"phrase.name_head": 3},
         "entity_mentions_dropped_by_reason": {}},
    ]  # fmt: skip
    meta = _metadata("entity_mentions", LoadReport(merges=merges))
    assert meta["entity_articles_enriched"] == 3
    assert meta["unlinked_by_reason"] == {"phrase.name_head": 4, "candidate.unknown_name": 5}
    assert meta["dropped_by_reason"] == {"cue.adverb_shape": 2}
