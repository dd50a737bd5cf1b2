"""A linked place in a tiny sentence with given tags, and the linking rules' verdicts on it:
what the linking tests start from, independent of the CRF's decisions."""

from __future__ import annotations

from pipelines.enrich.entities.linking.context import Verdict, form, read_phrase, sports_words
from pipelines.enrich.entities.linking.passes import later_passes
from pipelines.enrich.entities.names.gazetteer import load_gazetteer
from pipelines.enrich.entities.names.text import name_key, token_forms


def placed(
    sentence: str, place: str | int, size: int = 1, kind: str = "LOC", tags: str = ""
) -> tuple[list[str], list[str], Verdict, str]:
    """(words, tags, linked verdict, name key) of the place of `size` words starting at the word
    `place` (or at that index); the place is tagged `kind` unless `tags` gives every tag."""
    words = sentence.split()
    at = words.index(place) if isinstance(place, str) else place
    key = name_key(words[at : at + size], load_gazetteer().vocabulary)
    found = load_gazetteer().lookup(key)
    assert found is not None, key
    given = tags.split() or ["O"] * len(words)
    if not tags:
        given[at : at + size] = [f"B-{kind}"] + [f"I-{kind}"] * (size - 1)
    return words, given, Verdict(at, at + size, kind, found), key


def reviewed(
    sentence: str, place: str | int, *, size: int = 1, kind: str = "LOC", tags: str = "",
    confidence: float = 0.9,
) -> Verdict:  # fmt: skip
    """The reading and cue passes (`passes.later_passes`) over the place (see `placed`) at the
    tagger's `confidence`."""
    words, given, verdict, key = placed(sentence, place, size, kind, tags)
    gazetteer = load_gazetteer()
    forms = token_forms(words, gazetteer.vocabulary)
    return later_passes(words, given, forms, verdict, key, confidence, gazetteer)


def judged(
    sentence: str, place: str | int, *, size: int = 1, tags: str = "", sports_text: bool = False,
    persons: frozenset[str] = frozenset(),
) -> Verdict:  # fmt: skip
    """The phrase pass (`context.read_phrase`) over the place (see `placed`, tagged LOC) in a
    text that is a sports text or not, with `persons` as the person-name words."""
    words, given, verdict, key = placed(sentence, place, size, "LOC", tags)
    sports = (sports_text, sports_words(map(form, words)) > 0)
    return read_phrase(words, given, verdict, key, sports, load_gazetteer(), persons)
