"""Names the project already knows (crosswalk persons and organisations, gazetteer places), for a
CRF feature on the tokens of such a name where it appears whole in a sentence.

A token inside a known name reaches the decoder as a pseudo-word, the word and its mark joined by
`SPAN_MARK` (`حزب\x1fB-ORG`), so the decoder's per-word score rows stay valid: the mark only adds
the token's own `sm=` / `smp=` features, never a neighbour's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress

import numpy as np

from pipelines.enrich.entities.names.text import is_arabic

# Joins a word and its mark; cleaned text holds no control characters, so no real word has it.
SPAN_MARK = "\x1f"
# Gazetteer entity types as span types: countries and cities are places like continents.
SPAN_TYPES = {"GPE": "LOC", "LOC": "LOC", "PER": "PER", "ORG": "ORG"}


@dataclass(frozen=True, eq=False)
class KnownSpans:
    """Name key (`text.name_key`: first word without proclitics, inner words without article)
    → span type, for names of two words or more and one-word organisation names."""

    types: dict[str, str]
    prefixes: frozenset[str]  # the first 1, 2, ... words of each longer name
    first_words: frozenset[str]  # words a name may begin with
    # For the decoder's vectorized pre-check (`starts_at`): codes of first and second words, and
    # the (first, second) code pairs that begin a longer name.
    first_codes: dict[str, int]
    second_codes: dict[str, int]
    pair_codes: np.ndarray

    @classmethod
    def build(cls, names: Iterable[tuple[str, str]]) -> KnownSpans:
        """From (name key, entity type) pairs in order of preference: the first type of a key
        wins; one-word keys only for organisations (places and persons have word features)."""
        types: dict[str, str] = {}
        for key, entity_type in names:
            if (" " in key or entity_type == "ORG") and entity_type in SPAN_TYPES:
                types.setdefault(key, SPAN_TYPES[entity_type])
        prefixes: set[str] = set()
        for key in types:
            words = key.split(" ")
            prefixes.update(" ".join(words[:n]) for n in range(1, len(words)))
        firsts = sorted({key.split(" ", 1)[0] for key in types})
        first_codes = {word: code for code, word in enumerate(firsts)}
        pairs = sorted({tuple(key.split(" ")[:2]) for key in types if " " in key})
        second_codes = {word: code for code, word in enumerate(sorted({b for _, b in pairs}))}
        codes = [first_codes[a] * len(second_codes) + second_codes[b] for a, b in pairs]
        return cls(
            types, frozenset(prefixes), frozenset(firsts), first_codes, second_codes,
            np.array(sorted(codes), dtype=np.int64),
        )  # fmt: skip

    def starts_at(
        self, first: np.ndarray, second: np.ndarray, solo: np.ndarray, ends: np.ndarray
    ) -> np.ndarray:
        """Token positions where a known name may begin, given each token's first-word code,
        its second-word code (-1: none), whether it is a whole name alone, and the positions of
        the sentences' last tokens. A superset of where `marks` finds names: a name begins with
        a one-word name or with a (first, second) pair of a longer name."""
        following = np.full(len(first), -1, dtype=np.int64)
        following[:-1] = second[1:]
        following[ends] = -1  # no name runs into the next sentence
        found = np.flatnonzero(first >= 0)
        after = following[found]
        code = first[found] * len(self.second_codes) + after
        at = np.minimum(np.searchsorted(self.pair_codes, code), len(self.pair_codes) - 1)
        paired = (after >= 0) & (self.pair_codes[at] == code) if len(self.pair_codes) else False
        return found[paired | solo[found]]

    def arabic_firsts(self) -> frozenset[str]:
        """First words of the names in Arabic script."""
        return frozenset(word for word in self.first_words if is_arabic(word))

    def marks(self, firsts: list[str], inners: list[str]) -> list[str] | None:
        """Each token's mark (`B-ORG`, `I-ORG`, or ''), the longest known name from the left
        winning, or None when no name is there; `firsts` are the tokens' forms as a name's
        first word, `inners` as a later word (`text.token_forms`, `text.inner_forms`)."""
        found: list[str] | None = None
        end = 0  # tokens before `end` are inside a name already found
        types, prefixes, count = self.types, self.prefixes, len(firsts)
        for start in compress(range(count), map(self.first_words.__contains__, firsts)):
            if start < end:
                continue
            key = firsts[start]
            kind, size = types.get(key), 1
            while key in prefixes and start + size < count:
                key += " " + inners[start + size]
                size += 1
                longer = types.get(key)
                if longer:
                    kind, end = longer, start + size
            if kind:
                end = max(end, start + 1)
                found = found or [""] * count
                found[start:end] = ["B-" + kind] + ["I-" + kind] * (end - start - 1)
        return found
