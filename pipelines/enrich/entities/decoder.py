"""Vectorized decoding of a trained CRFsuite model: same tags as `pycrfsuite.Tagger.tag`, faster.

Every feature of a token comes from one word of its ±2 window, so a token's label scores are the
sum of five per-word vectors (the word's own features, and its features as the -1, +1, -2, +2
neighbour: `features.OFFSETS`; a wider window only needs more offsets there), each computed once
per distinct word and cached. Viterbi and forward-backward then run over many sentences at once
in numpy, padded to a common length.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pycrfsuite

from pipelines.enrich.entities.features import OFFSETS, FeatureExtractor

_CACHE_LIMIT = 500_000
# Sentences decoded together are sorted by length and cut into groups of at most this many.
GROUP_SIZE = 128


@dataclass
class CompiledCRF:
    """State weights per attribute and the transition matrix of a linear-chain CRF."""

    labels: list[str]
    rows: dict[str, int]  # attribute -> row of `weights`
    weights: np.ndarray  # attributes × labels
    transitions: np.ndarray
    extractor: FeatureExtractor
    _ids: dict[str, int] = field(default_factory=dict, repr=False)
    _table: np.ndarray = field(default_factory=lambda: np.zeros((0, len(OFFSETS), 0)), repr=False)
    _bos: np.ndarray = field(default_factory=lambda: np.zeros(0), repr=False)
    _eos: np.ndarray = field(default_factory=lambda: np.zeros(0), repr=False)
    _zero_row: int = field(default=0, repr=False)
    _used: list[bool] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._zero_row = len(self.weights)
        self.weights = np.vstack([self.weights, np.zeros((1, len(self.labels)))])
        self._table = np.zeros((4096, len(OFFSETS), len(self.labels)))
        self._bos, self._eos = self._sum(["BOS"]), self._sum(["EOS"])
        # Offsets no attribute of the model uses are skipped when scores are summed.
        prefixes = {attribute[:2] for attribute in self.rows}
        self._used = [offset == 0 or f"{offset:+d}" in prefixes for offset in OFFSETS]

    @classmethod
    def from_tagger(cls, crf: pycrfsuite.Tagger, extractor: FeatureExtractor) -> CompiledCRF:
        """Read the weights out of an opened pycrfsuite model."""
        info = crf.info()
        labels = sorted(info.labels, key=lambda label: int(info.labels[label]))
        index = {label: i for i, label in enumerate(labels)}
        rows: dict[str, int] = {}
        for attribute, _ in info.state_features:
            rows.setdefault(attribute, len(rows))
        weights = np.zeros((len(rows), len(labels)))
        for (attribute, label), weight in info.state_features.items():
            weights[rows[attribute], index[label]] = weight
        transitions = np.zeros((len(labels), len(labels)))
        for (source, target), weight in info.transitions.items():
            transitions[index[source], index[target]] = weight
        return cls(labels, rows, weights, transitions, extractor)

    def _sum(self, features: list[str]) -> np.ndarray:
        found = [row for row in map(self.rows.get, features) if row is not None]
        return self.weights[found].sum(axis=0)

    def _sum_parts(self, parts: tuple[list[str], ...]) -> np.ndarray:
        """Summed weights of each feature list, in one numpy call (the last weight row is 0)."""
        found: list[int] = []
        starts: list[int] = []
        for features in parts:
            starts.append(len(found))
            found.extend(row for row in map(self.rows.get, features) if row is not None)
            found.append(self._zero_row)
        return np.add.reduceat(self.weights[found], starts, axis=0)

    def word_id(self, word: str) -> int:
        """Row of the word in the score table (row 0 is padding), computed on first sight."""
        found = self._ids.get(word)
        if found is not None:
            return found
        if len(self._ids) + 1 >= _CACHE_LIMIT:
            self._ids.clear()
        row = len(self._ids) + 1
        if row >= len(self._table):
            self._table = np.concatenate([self._table, np.zeros_like(self._table)])
        self._table[row] = self._sum_parts(self.extractor.context(word))
        self._ids[word] = row
        return row

    def group_scores(self, sentences: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Label scores (sentences × steps × labels, zero-padded) and sentence lengths."""
        lengths = np.array([len(words) for words in sentences])
        ids = np.zeros((len(sentences), int(lengths.max())), dtype=np.intp)
        for row, words in enumerate(sentences):
            ids[row, : len(words)] = [self.word_id(word) for word in words]
        parts = self._table[ids]  # sentences × steps × offsets × labels
        scores = parts[:, :, 0].copy()
        steps = scores.shape[1]
        for part, offset in enumerate(OFFSETS[1:], start=1):
            if offset >= steps or -offset >= steps or not self._used[part]:
                continue  # the word at t + offset feeds the token at t
            if offset < 0:
                scores[:, -offset:] += parts[:, : steps + offset, part]
            else:
                scores[:, : steps - offset] += parts[:, offset:, part]
        scores[:, 0] += self._bos
        scores[np.arange(len(sentences)), lengths - 1] += self._eos
        return scores, lengths

    def tag_many(self, sentences: list[list[str]]) -> list[tuple[list[str], list[float]]]:
        """Best tags and each tag's marginal probability, for every sentence."""
        results: list[tuple[list[str], list[float]]] = [([], []) for _ in sentences]
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        for begin in range(0, len(order), GROUP_SIZE):
            group = order[begin : begin + GROUP_SIZE]
            scores, lengths = self.group_scores([sentences[i] for i in group])
            paths = viterbi(scores, lengths, self.transitions)
            marginals = posteriors(scores, lengths, self.transitions)
            for row, i in enumerate(group):
                n = lengths[row]
                path = paths[row, :n]
                results[i] = (
                    [self.labels[y] for y in path],
                    marginals[row, np.arange(n), path].tolist(),
                )
        return results


def viterbi(scores: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """Best label paths of padded sentences (batch × steps × labels); padding is ignored."""
    batch, steps, _ = scores.shape
    delta = scores[:, 0].copy()
    back = np.zeros(scores.shape, dtype=np.intp)
    for t in range(1, steps):
        candidates = delta[:, :, None] + transitions[None]
        best = candidates.argmax(axis=1)
        active = (t < lengths)[:, None]
        back[:, t] = np.where(active, best, np.arange(scores.shape[2])[None])
        chosen = np.take_along_axis(candidates, best[:, None], 1)[:, 0] + scores[:, t]
        delta = np.where(active, chosen, delta)  # padding keeps the last real step's scores
    paths = np.zeros((batch, steps), dtype=np.intp)
    paths[:, -1] = delta.argmax(axis=1)
    for t in range(steps - 1, 0, -1):
        paths[:, t - 1] = back[np.arange(batch), t, paths[:, t]]
    return paths


def posteriors(scores: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """Marginal probability of every label at every step: scaled forward-backward, where each
    step is renormalized (the scale cancels out when marginals are normalized per position)."""
    steps = scores.shape[1]
    emissions = np.exp(scores - scores.max(axis=2, keepdims=True))
    moves = np.exp(transitions)
    alpha = np.empty(scores.shape)
    beta = np.ones(scores.shape)
    alpha[:, 0] = emissions[:, 0] / emissions[:, 0].sum(axis=1, keepdims=True)
    for t in range(1, steps):
        forward = (alpha[:, t - 1] @ moves) * emissions[:, t]
        alpha[:, t] = forward / forward.sum(axis=1, keepdims=True)
    for t in range(steps - 2, -1, -1):
        backward = (emissions[:, t + 1] * beta[:, t + 1]) @ moves.T
        backward /= backward.sum(axis=1, keepdims=True)
        beta[:, t] = np.where((t + 1 < lengths)[:, None], backward, 1.0)
    joint = alpha * beta
    return joint / joint.sum(axis=2, keepdims=True)
