"""Aho–Corasick matching of gazetteer names over normalized, proclitic-stripped tokens."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import accumulate

import ahocorasick

from pipelines.enrich.entities.names.gazetteer import Gazetteer, Place
from pipelines.enrich.entities.names.text import token_forms


@dataclass(frozen=True, slots=True)
class Match:
    """Gazetteer names found at tokens [start, end) of a sentence."""

    start: int
    end: int
    key: str
    place: Place


@cache
def automaton(gazetteer: Gazetteer) -> ahocorasick.Automaton:
    """One automaton per process over ` key ` strings (spaces pin matches to whole tokens)."""
    machine = ahocorasick.Automaton()
    for key in gazetteer.by_key:
        machine.add_word(f" {key} ", key)
    machine.make_automaton()
    return machine


def find_places(
    words: list[str], gazetteer: Gazetteer, known: frozenset[str], forms: list[str] | None = None
) -> list[Match]:
    """Longest, then leftmost, non-overlapping gazetteer names in a sentence's words."""
    if not words:
        return []
    forms = forms if forms is not None else token_forms(words, known)
    joined = " " + " ".join(forms) + " "
    found_keys = list(automaton(gazetteer).iter(joined))
    if not found_keys:
        return []
    # where each form starts in `joined` -> its token index
    positions = accumulate((len(f) + 1 for f in forms), initial=1)  # one more than forms
    starts = dict(zip(positions, range(len(forms)), strict=False))
    found: list[Match] = []
    for end, key in found_keys:
        first = starts[end - len(key)]  # `end` is the index of the closing space
        found.append(Match(first, first + key.count(" ") + 1, key, gazetteer.by_key[key][0]))
    found.sort(key=lambda m: (m.start - m.end, m.start))
    taken: set[int] = set()
    chosen: list[Match] = []
    for match in found:
        if taken.isdisjoint(range(match.start, match.end)):
            chosen.append(match)
            taken.update(range(match.start, match.end))
    return sorted(chosen, key=lambda m: m.start)
