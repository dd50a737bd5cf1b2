"""Fast decoding of a trained CRFsuite model: same tags as `pycrfsuite.Tagger.tag`.

Every feature of a token comes from one word of its ±2 window, so a token's label scores are the
sum of five per-word vectors (the word's own features, and its features as the -1, +1, -2, +2
neighbour: `features.OFFSETS`; a wider window only needs more offsets there), each computed once
per distinct word and cached. Viterbi and forward-backward then run over all of a batch's
sentences in one compiled call (`crf_kernel`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np
import pycrfsuite

from pipelines.enrich.entities.names.text import name_forms
from pipelines.enrich.entities.tagging.crf_kernel import decode_sentences, sum_blocks
from pipelines.enrich.entities.tagging.features import FAR, NEAR, OFFSETS, FeatureExtractor

# Rows of the word cache (680 bytes each with 17 labels); when it is full, the rows of the words
# used most recently (half of them) stay. A map worker on 8 of the 16 SaudiNewsNet days sees
# ~210k distinct words.
_CACHE_LIMIT = 131_072


@dataclass
class CompiledCRF:
    """A linear-chain CRF as per-feature score blocks and a transition matrix.

    `blocks[features[f]]` holds, for each window position of `OFFSETS`, the label weights a word
    with feature `f` adds to the token at that position: its own attribute `f`, and `-1f`, `+1f`,
    `-2f`, `+2f` when `f` is a feature words pass to their neighbours (`features.NEAR`, `FAR`).
    """

    labels: list[str]
    features: dict[str, int]  # a word feature -> its row of `blocks`
    blocks: np.ndarray  # features × offsets × labels
    transitions: np.ndarray
    bos: np.ndarray
    eos: np.ndarray
    extractor: FeatureExtractor
    _ids: dict[str, int] = field(default_factory=dict, repr=False)
    _table: np.ndarray = field(default_factory=lambda: np.zeros((0, len(OFFSETS), 0)), repr=False)
    _parts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64), repr=False)
    _offsets: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64), repr=False)
    # Per row: the word's code as a known name's first word and second word (-1: none), and
    # whether it is a known name alone (`KnownSpans.starts_at`).
    _first: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64), repr=False)
    _second: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64), repr=False)
    _solo: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool), repr=False)
    _forms: list[str] = field(default_factory=list, repr=False)  # per row: its `token_forms`
    # per row: its forms as a known name's first word and as a later one (`FeatureExtractor.marked`)
    _firsts: list[str] = field(default_factory=list, repr=False)
    _inners: list[str] = field(default_factory=list, repr=False)
    _used: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64), repr=False)
    _calls: int = field(default=0, repr=False)  # `_rows` calls: `_used` holds a row's last
    _clears: int = field(default=0, repr=False)  # times rows were evicted (and renumbered)

    def __post_init__(self) -> None:
        # Room for a full cache at once: pages no row was written to take no memory, and a
        # doubling table was copied whole each time.
        self._table = np.zeros((_CACHE_LIMIT + 1, len(OFFSETS), len(self.labels)))
        self._first = np.full(len(self._table), -1, dtype=np.int64)
        self._second = np.full(len(self._table), -1, dtype=np.int64)
        self._solo = np.zeros(len(self._table), dtype=bool)
        self._used = np.zeros(len(self._table), dtype=np.int64)
        self._forms, self._firsts, self._inners = [""], [""], [""]
        # Offsets no attribute of the model uses are skipped when scores are summed.
        used = [p for p in range(len(OFFSETS)) if p == 0 or self.blocks[:, p].any()]
        self._parts = np.array(used, dtype=np.int64)
        self._offsets = np.array([OFFSETS[p] for p in used], dtype=np.int64)

    @classmethod
    def from_tagger(cls, crf: pycrfsuite.Tagger, extractor: FeatureExtractor) -> CompiledCRF:
        """Read the weights out of an opened pycrfsuite model."""
        info = crf.info()
        labels = sorted(info.labels, key=lambda label: int(info.labels[label]))
        index = {label: i for i, label in enumerate(labels)}
        placed: dict[str, tuple[str, int]] = {}  # attribute -> (word feature, part)
        for attribute, _ in info.state_features:
            placed.setdefault(attribute, _placement(attribute))
        features: dict[str, int] = {}
        for feature, _ in placed.values():
            features.setdefault(feature, len(features))
        blocks = np.zeros((len(features) + 1, len(OFFSETS), len(labels)))
        for (attribute, label), weight in info.state_features.items():
            feature, part = placed[attribute]
            blocks[features[feature], part, index[label]] = weight
        transitions = np.zeros((len(labels), len(labels)))
        for (source, target), weight in info.transitions.items():
            transitions[index[source], index[target]] = weight
        bos, eos = (blocks[features[m], 0] if m in features else blocks[-1, 0] for m in _MARKS)
        return cls(labels, features, blocks, transitions, bos, eos, extractor)

    def _add_rows(self, words: list[str]) -> None:
        """Rows for words not seen before (row 0 is padding): each word's score vectors, the sum
        of its features' blocks, computed once."""
        first = len(self._ids) + 1
        self._reserve(first + len(words))
        extractor, rows = self.extractor, slice(first, first + len(words))
        spans = extractor.known_spans
        # `token_forms`, `extractor.first_forms` and `inner_forms` of the words, faster for new ones
        forms, firsts, inners = name_forms(
            words, extractor.known, extractor.span_known or extractor.known
        )
        for column, added in ((self._forms, forms), (self._firsts, firsts), (self._inners, inners)):
            del column[first:]  # nothing, unless `_ids` was emptied
            column += added
        none = itertools.repeat(-1)
        self._first[rows] = list(map(spans.first_codes.get, firsts, none))
        self._second[rows] = list(map(spans.second_codes.get, inners, none))
        self._solo[rows] = list(map(spans.types.__contains__, firsts))
        get, zero = self.features.get, itertools.repeat(len(self.blocks) - 1)  # a block of zeros
        features = self.extractor.word_features
        found: list[int] = []
        bounds = [0]
        for word in words:
            found.extend(map(get, features(word), zero))  # features the model lacks add nothing
            bounds.append(len(found))
        sum_blocks(
            self.blocks, np.array(found, dtype=np.int64), np.array(bounds), first, self._table
        )
        self._ids.update(zip(words, range(first, first + len(words)), strict=True))

    def _reserve(self, rows: int) -> None:
        """Room for `rows` rows in the score table and the per-row codes (doubling them)."""
        size = len(self._table)
        while rows > size:
            size *= 2
        if size > len(self._table):
            self._table = _grown(self._table, size, 0)
            self._first = _grown(self._first, size, -1)
            self._second = _grown(self._second, size, -1)
            self._solo = _grown(self._solo, size, 0)
            self._used = _grown(self._used, size, 0)

    def _rows(self, words: list[str]) -> np.ndarray:
        """Score-table rows of the words, added for words not seen before. The cache is a big
        dict whose look-ups miss the CPU caches, so each word is looked up once: only the new
        ones again after their rows are added."""
        ids = np.fromiter(map(self._ids.get, words, itertools.repeat(0)), np.int64, len(words))
        self._calls += 1
        missing = np.flatnonzero(ids == 0)  # row 0 is padding: no word's row
        if len(missing):
            new = dict.fromkeys(map(words.__getitem__, missing.tolist()))
            if len(self._ids) + len(new) >= _CACHE_LIMIT:
                ids = self._evict(ids, _CACHE_LIMIT // 2)  # before adding: ids are renumbered
                missing = np.flatnonzero(ids == 0)
                new = dict.fromkeys(map(words.__getitem__, missing.tolist()))
            self._add_rows(list(new))
            added = map(words.__getitem__, missing.tolist())
            ids[missing] = list(map(self._ids.__getitem__, added))
        self._used[ids] = self._calls
        return ids

    def _evict(self, ids: np.ndarray, keep: int) -> np.ndarray:
        """Keep the rows of the `keep` words used most recently (`ids`, being used, first),
        renumbered from 1 in their order; return `ids` renumbered (0: evicted)."""
        self._clears += 1
        count = len(self._ids) + 1
        self._used[ids] = self._calls
        recent = np.argsort(self._used[1:count], kind="stable")[::-1][:keep] + 1
        kept = np.sort(recent)
        renumbered = np.zeros(count, dtype=np.int64)
        renumbered[kept] = np.arange(1, len(kept) + 1)
        rows = slice(1, len(kept) + 1)
        for array in (self._table, self._first, self._second, self._solo, self._used):
            array[rows] = array[kept]
        rows_kept = kept.tolist()
        self._forms = ["", *map(self._forms.__getitem__, rows_kept)]
        self._firsts = ["", *map(self._firsts.__getitem__, rows_kept)]
        self._inners = ["", *map(self._inners.__getitem__, rows_kept)]
        new_row = renumbered.tolist()
        self._ids = {word: new_row[row] for word, row in self._ids.items() if new_row[row]}
        return renumbered[ids]

    def word_ids(self, sentences: list[list[str]]) -> np.ndarray:
        """Score-table rows of all the sentences' words (inside known names: their marked
        pseudo-words, `FeatureExtractor.marked`), one after another. Only sentences where a
        known name may begin (a vectorized pre-check) are marked word by word."""
        return self._word_rows(sentences)[0]

    def _word_rows(self, sentences: list[list[str]]) -> tuple[np.ndarray, list[str]]:
        """`word_ids`, and the words' token forms (`names.text.token_forms` with the
        extractor's `known`), one after another: from the rows, without a look-up per word."""
        bounds = np.zeros(len(sentences) + 1, dtype=np.int64)
        np.cumsum([len(words) for words in sentences], out=bounds[1:])
        flat = [word for words in sentences for word in words]
        ids = self._rows(flat)
        rows = ids.tolist()
        forms = list(map(self._forms.__getitem__, rows))
        ends = bounds[1:][bounds[1:] > bounds[:-1]] - 1
        starts = self.extractor.known_spans.starts_at(
            self._first[ids], self._second[ids], self._solo[ids], ends
        )
        where: list[int] = []
        pseudo: list[str] = []
        for index in np.unique(np.searchsorted(bounds, starts, side="right") - 1).tolist():
            words, sentence_rows = sentences[index], rows[bounds[index] : bounds[index + 1]]
            firsts = list(map(self._firsts.__getitem__, sentence_rows))
            inners = list(map(self._inners.__getitem__, sentence_rows))
            for offset, word in enumerate(self.extractor.marked(words, firsts, inners)):
                if word is not words[offset]:
                    where.append(int(bounds[index]) + offset)
                    pseudo.append(word)
        if pseudo:
            clears = self._clears
            pseudo_ids = self._rows(pseudo)
            if self._clears != clears:  # rows were evicted and renumbered: the plain ids are void
                for at, word in zip(where, pseudo, strict=True):
                    flat[at] = word
                return self._rows(flat), forms
            ids[where] = pseudo_ids
        return ids, forms

    def tag_many(
        self, sentences: list[list[str]], names: list[str] | None = None, skip: str | None = None
    ) -> list[tuple[list[str], list[float]]]:
        """Best tags and each tag's marginal probability, for every sentence; `names` may rename
        the labels (by label index). Sentences tagged `skip` throughout (say all `O`) get NaN
        marginals, which saves their forward-backward pass."""
        return self.tag_with_forms(sentences, names, skip)[0]

    def tag_with_forms(
        self, sentences: list[list[str]], names: list[str] | None = None, skip: str | None = None
    ) -> tuple[list[tuple[list[str], list[float]]], list[list[str]]]:
        """`tag_many`, and each sentence's token forms (`_word_rows`)."""
        bounds = np.zeros(len(sentences) + 1, dtype=np.int64)
        np.cumsum([len(words) for words in sentences], out=bounds[1:])
        ids, forms = self._word_rows(sentences)  # first: new words may grow the table
        paths, marginals = decode_sentences(
            self._table, self._offsets, self._parts, ids, bounds,
            self.bos, self.eos, self.transitions, self.labels.index(skip) if skip else -1,
        )  # fmt: skip
        labels = list(map((names or self.labels).__getitem__, paths.tolist()))
        probabilities = marginals.tolist()
        pairs = list(itertools.pairwise(bounds.tolist()))
        tagged = [(labels[begin:end], probabilities[begin:end]) for begin, end in pairs]
        return tagged, [forms[begin:end] for begin, end in pairs]


def _grown(array: np.ndarray, size: int, fill: int) -> np.ndarray:
    """`array` with `size` rows, the new ones `fill`. Zeros are allocated untouched (no page is
    written before a row is used): growing the score table by copying it into zeroed halves
    once took a tenth of a cold run."""
    grown = np.zeros((size, *array.shape[1:]), array.dtype)
    if fill:
        grown[len(array) :] = fill
    grown[: len(array)] = array
    return grown


_MARKS = ("BOS", "EOS")
_PARTS = {f"{offset:+d}": part for part, offset in enumerate(OFFSETS) if offset}


def _placement(attribute: str) -> tuple[str, int]:
    """The word feature and window position an attribute stands for: `-1w=x` is `w=x` one word
    before the token. A prefixed feature that words do not pass on (no such attribute is ever
    generated) keeps its whole name, so it matches nothing."""
    part = _PARTS.get(attribute[:2])
    if part is None or attribute in _MARKS:
        return attribute, 0
    feature = attribute[2:]
    passed_on = NEAR if abs(OFFSETS[part]) == 1 else FAR
    return (feature, part) if feature[:2] in passed_on else (attribute, 0)
