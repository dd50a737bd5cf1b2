"""Gazetteer names in a sentence, matched token by token over normalized, proclitic-stripped
forms."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import compress

from pipelines.enrich.entities.names.gazetteer import Gazetteer, Place
from pipelines.enrich.entities.names.text import token_forms

Names = tuple[tuple[tuple[str, ...], str], ...]  # (a name's forms, its key), ...


@dataclass(frozen=True, slots=True)
class Match:
    """Gazetteer names found at tokens [start, end) of a sentence."""

    start: int
    end: int
    key: str
    place: Place


@cache
def names_by_first_form(gazetteer: Gazetteer) -> dict[str, Names]:
    """One index per process: the first form of every gazetteer key -> the keys it begins.
    A key's forms are its space-separated words, as `token_forms` gives them."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key in gazetteer.by_key:
        forms = tuple(key.split(" "))
        index.setdefault(forms[0], []).append((forms, key))
    return {first: tuple(names) for first, names in index.items()}


def find_places(
    words: list[str], gazetteer: Gazetteer, known: frozenset[str], forms: list[str] | None = None
) -> list[Match]:
    """Longest, then leftmost, non-overlapping gazetteer names in a sentence's words."""
    if not words:
        return []
    forms = forms if forms is not None else token_forms(words, known)
    index = names_by_first_form(gazetteer)
    # the tokens that may begin a name, one look-up per form at C speed (most have none)
    starts = list(compress(range(len(forms)), map(index.__contains__, forms)))
    if not starts:
        return []
    found: list[tuple[int, int, str]] = []  # (-length, start, key): longest, then leftmost
    for start in starts:
        for name, key in index[forms[start]]:
            if len(name) == 1 or tuple(forms[start : start + len(name)]) == name:
                found.append((-len(name), start, key))
    if len(found) > 1:  # a key is unique for its start and length: no ties
        found.sort()
        taken: set[int] = set()
        chosen: list[tuple[int, int, str]] = []
        for length, start, key in found:
            if taken.isdisjoint(range(start, start - length)):
                chosen.append((length, start, key))
                taken.update(range(start, start - length))
        found = sorted(chosen, key=lambda f: f[1])
    by_key = gazetteer.by_key
    return [Match(start, start - length, key, by_key[key][0]) for length, start, key in found]
