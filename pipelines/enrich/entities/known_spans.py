"""Names the project already knows (crosswalk persons and organisations, gazetteer places), for a
CRF feature on the tokens of such a name where it appears whole in a sentence.

A token inside a known name reaches the decoder as a pseudo-word, the word and its mark joined by
`SPAN_MARK` (`حزب\x1fB-ORG`), so the decoder's per-word score rows stay valid: the mark only adds
the token's own `sm=` / `smp=` features, never a neighbour's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pipelines.enrich.entities.text import is_arabic

# Joins a word and its mark; cleaned text holds no control characters, so no real word has it.
SPAN_MARK = "\x1f"
# Gazetteer entity types as span types: countries and cities are places like continents.
SPAN_TYPES = {"GPE": "LOC", "LOC": "LOC", "PER": "PER", "ORG": "ORG"}


@dataclass(frozen=True)
class KnownSpans:
    """Name key (`text.name_key`: first word without proclitics, inner words without article)
    → span type, for names of two words or more and one-word organisation names."""

    types: dict[str, str]
    prefixes: frozenset[str]  # the first 1, 2, ... words of each longer name
    first_words: frozenset[str]  # words a name may begin with

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
        firsts = {key.split(" ", 1)[0] for key in types}
        return cls(types, frozenset(prefixes), frozenset(firsts))

    def arabic_firsts(self) -> frozenset[str]:
        """First words of the names in Arabic script."""
        return frozenset(word for word in self.first_words if is_arabic(word))

    def marks(self, firsts: list[str], inner: Callable[[int], str]) -> list[str]:
        """Each token's mark (`B-ORG`, `I-ORG`, or ''), the longest known name from the left
        winning; `firsts` are the tokens' forms as a name's first word, `inner(i)` token i's
        form as a later word."""
        found = [""] * len(firsts)
        end = 0  # tokens before `end` are inside a name already found
        for start in [i for i, word in enumerate(firsts) if word in self.first_words]:
            if start < end:
                continue
            key, size, kind = firsts[start], 1, self.types.get(firsts[start], "")
            while key in self.prefixes and start + size < len(firsts):
                key += " " + inner(start + size)
                size += 1
                longer = self.types.get(key)
                if longer:
                    kind, end = longer, start + size
            if kind:
                end = max(end, start + 1)
                found[start:end] = ["B-" + kind] + ["I-" + kind] * (end - start - 1)
        return found
