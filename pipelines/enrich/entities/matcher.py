"""Aho–Corasick matching of gazetteer names over normalized, proclitic-stripped tokens."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import ahocorasick

from pipelines.enrich.entities.gazetteer import Gazetteer, Place
from pipelines.enrich.entities.text import is_arabic, normalize_word, strip_clitics


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


_FORMS: dict[tuple[str, int], str] = {}
_FORMS_LIMIT = 500_000


def token_form(word: str, known: frozenset[str]) -> str:
    """The form a token is matched in: normalized, and for Arabic without proclitics."""
    cache_key = (word, hash(known))  # a frozenset caches its hash
    form = _FORMS.get(cache_key)
    if form is None:
        normalized = normalize_word(word)
        form = strip_clitics(normalized, known) if is_arabic(normalized) else normalized
        if len(_FORMS) >= _FORMS_LIMIT:
            _FORMS.clear()
        _FORMS[cache_key] = form
    return form


def find_places(words: list[str], gazetteer: Gazetteer, known: frozenset[str]) -> list[Match]:
    """Longest, then leftmost, non-overlapping gazetteer names in a sentence's words."""
    if not words:
        return []
    forms = [token_form(word, known) for word in words]
    starts: dict[int, int] = {}
    position = 1
    for index, form in enumerate(forms):
        starts[position] = index
        position += len(form) + 1
    joined = " " + " ".join(forms) + " "
    found: list[Match] = []
    for end, key in automaton(gazetteer).iter(joined):
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
