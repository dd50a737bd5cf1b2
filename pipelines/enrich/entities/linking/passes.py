"""The linking passes over an Arabic span linked to a place, in order.

1. `phrase` (context.read_phrase): part of a longer name, a person, a club?
2. `reading` (readings.read_other_meanings): a capital, region, prayer time, club or namesake?
3. `cue` (cues.check_common_word): the place, or a common word spelled like it?

Each pass keeps the verdict, retypes or unlinks it, or drops the mention (kind None); the
rule that did it is the verdict's `reason` (`reasons.Reason`). A verdict that lost its place
or its kind leaves the later passes out.
"""

from __future__ import annotations

from pipelines.enrich.entities.linking.context import Verdict, read_phrase
from pipelines.enrich.entities.linking.cues import check_common_word
from pipelines.enrich.entities.linking.readings import read_other_meanings
from pipelines.enrich.entities.names.gazetteer import Gazetteer


def place_verdict(
    words: list[str], tags: list[str], forms: list[str], link: Verdict, key: str,
    sports: tuple[bool, bool], confidence: float, gazetteer: Gazetteer,
    person_words: frozenset[str],
) -> Verdict:  # fmt: skip
    """What a linked place span of an Arabic sentence is after the three passes; `forms`: the
    matcher's token forms, `sports`: whether the text and the sentence are about sport,
    `confidence`: the tagger's."""
    if link.place is None:
        return link
    verdict = read_phrase(words, tags, link, key, sports, gazetteer, person_words)
    return later_passes(words, tags, forms, verdict, key, confidence, gazetteer)


def later_passes(
    words: list[str], tags: list[str], forms: list[str], verdict: Verdict, key: str,
    confidence: float, gazetteer: Gazetteer,
) -> Verdict:  # fmt: skip
    """Passes 2 (`reading`) and 3 (`cue`) of a verdict the phrase pass left linked."""
    if verdict.place is None or verdict.kind is None:
        return verdict
    other = read_other_meanings(words, tags, verdict, key, gazetteer)
    if other is not None:
        return other
    return check_common_word(words, tags, forms, verdict, key, confidence, gazetteer)
