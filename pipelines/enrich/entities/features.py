"""CRF token features for Arabic and English, cached per word type for speed.

Each word's own features and its features as a neighbour (±1, ±2) depend on the word alone, so
they are computed once per distinct word; a sentence's feature lists are concatenations.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipelines.enrich.entities.text import is_arabic, normalize_word, strip_clitics

_PUNCT = frozenset(".,;:!?؟،؛\"'()[]{}«»-–—/…")
_CACHE_LIMIT = 500_000


def _shape(word: str) -> str:
    if word.isdigit():
        return "digit"
    if word in _PUNCT or not any(c.isalnum() for c in word):
        return "punct"
    if is_arabic(word):
        return "arabic"
    if word.isupper():
        return "upper"
    if word[:1].isupper():
        return "title"
    if word.isalpha() and word.isascii():
        return "lower"
    return "other"


@dataclass
class FeatureExtractor:
    """Word features given the gazetteer vocabulary and the lexicon saved with a model.

    `place_words`: normalized words that are whole place names (by type); `name_words`: words of
    multi-word gazetteer names; `known`: words a proclitic may be stripped down to;
    `clusters`: word → distributional cluster id learned from unlabelled text;
    `person_words`: words of person names from an openly licensed name list.
    """

    place_words: dict[str, str]
    name_words: frozenset[str]
    known: frozenset[str]
    clusters: dict[str, str] = field(default_factory=dict)
    person_words: frozenset[str] = frozenset()
    _cache: dict[str, tuple[list[str], ...]] = field(default_factory=dict, repr=False)
    _keys: dict[str, str] = field(default_factory=dict, repr=False)

    def word_features(self, word: str) -> list[str]:
        """Features of one word on its own."""
        normalized = normalize_word(word)
        shape = _shape(word)
        feats = ["b", "w=" + normalized, "sh=" + shape]
        if shape in ("punct", "digit"):
            return feats
        stem = strip_clitics(normalized, self.known) if shape == "arabic" else normalized
        if stem != normalized:
            feats += ["s=" + stem, "pc=" + normalized[: len(normalized) - len(stem)]]
        for n in (1, 2, 3, 4):
            if len(stem) > n:
                feats += [f"p{n}={stem[:n]}", f"x{n}={stem[-n:]}"]
        padded = f"<{stem}>"
        feats += ["c3=" + padded[i : i + 3] for i in range(len(padded) - 2)]
        feats.append(f"len={min(len(stem), 10)}")
        place = self.place_words.get(stem)
        if place:
            feats.append("gaz=" + place)
        if stem in self.name_words:
            feats.append("gazw")
        if stem in self.person_words:
            feats.append("pn")
        cluster = self.clusters.get(stem)
        if cluster:
            feats += ["cl=" + cluster, "cl1=" + cluster[:1], "cl2=" + cluster[:2]]
        return feats

    def cluster_key(self, word: str) -> str:
        """The form of a word that clusters are keyed by (normalized, proclitics stripped)."""
        found = self._keys.get(word)
        if found is None:
            normalized = normalize_word(word)
            found = strip_clitics(normalized, self.known) if is_arabic(normalized) else normalized
            if len(self._keys) >= _CACHE_LIMIT:
                self._keys.clear()
            self._keys[word] = found
        return found

    def context(self, word: str) -> tuple[list[str], ...]:
        found = self._cache.get(word)
        if found is not None:
            return found
        own = self.word_features(word)
        neighbour = [f for f in own if f[:2] in ("w=", "s=", "sh", "ga", "cl", "x2", "pc", "pn")]
        entry = (
            own,
            ["-1" + f for f in neighbour],
            ["+1" + f for f in neighbour],
            ["-2" + f for f in neighbour if f[:2] in ("w=", "s=", "ga")],
            ["+2" + f for f in neighbour if f[:2] in ("w=", "s=", "ga")],
        )
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[word] = entry
        return entry

    def sentence_features(self, words: list[str]) -> list[list[str]]:
        """Feature lists of every word of a sentence (own features plus a ±2 window)."""
        entries = [self.context(word) for word in words]
        last = len(entries) - 1
        result: list[list[str]] = []
        for i, entry in enumerate(entries):
            feats = list(entry[0])
            feats += entries[i - 1][1] if i >= 1 else ["BOS"]
            feats += entries[i + 1][2] if i < last else ["EOS"]
            if i >= 2:
                feats += entries[i - 2][3]
            if i + 2 <= last:
                feats += entries[i + 2][4]
            result.append(feats)
        return result
