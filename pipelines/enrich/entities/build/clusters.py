"""Word clusters learned from unlabelled text: PPMI context vectors → SVD → hierarchical k-means.

A cluster id such as `352` names a path in a 3-level tree of 8 branches (like Brown clusters),
so features can use its prefixes: words that occur in the same contexts as known names get a
shared feature even when the name itself never appeared in the labelled data.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.linalg import svds

from pipelines.enrich.entities.names.text import tokenize

MIN_COUNT, CONTEXT_WORDS, DIMENSIONS, BRANCHES, LEVELS = 3, 3000, 64, 8, 3


def saudinewsnet_texts(path: Path) -> Iterator[str]:
    """Article bodies of a SaudiNewsNet day archive (a zip of JSON arrays)."""
    with zipfile.ZipFile(path) as archive:
        for name in sorted(archive.namelist()):
            with archive.open(name) as handle:
                for article in json.load(io.TextIOWrapper(handle, encoding="utf-8")):
                    yield str(article.get("content") or "")


def _kmeans(points: np.ndarray, k: int, seed: int, iterations: int = 25) -> np.ndarray:
    if len(points) <= k:
        return np.arange(len(points))
    rng = np.random.default_rng(seed)
    centres = points[rng.choice(len(points), size=k, replace=False)]
    labels = np.zeros(len(points), dtype=int)
    for _ in range(iterations):
        labels = np.argmax(points @ centres.T, axis=1)  # rows are unit vectors: cosine
        for c in range(k):
            members = points[labels == c]
            if len(members):
                centre = members.sum(axis=0)
                centres[c] = centre / (np.linalg.norm(centre) or 1.0)
    return labels


def _tree(points: np.ndarray, level: int, seed: int) -> list[str]:
    labels = _kmeans(points, BRANCHES, seed)
    ids = [str(label) for label in labels]
    if level + 1 < LEVELS:
        for c in range(BRANCHES):
            members = np.flatnonzero(labels == c)
            if len(members) > BRANCHES:
                sub = _tree(points[members], level + 1, seed * 31 + c)
                for index, suffix in zip(members, sub, strict=True):
                    ids[index] += suffix
    return ids


def learn_clusters(sentences: Iterable[list[str]]) -> dict[str, str]:
    """Word → cluster path for every word seen at least MIN_COUNT times (deterministic)."""
    sentences = [s for s in sentences if s]
    counts = Counter(w for s in sentences for w in s)
    vocabulary = sorted(w for w, n in counts.items() if n >= MIN_COUNT)
    index = {w: i for i, w in enumerate(vocabulary)}
    contexts = sorted(counts, key=lambda w: (-counts[w], w))[:CONTEXT_WORDS]
    context_index = {w: i for i, w in enumerate(contexts)}
    pairs: Counter[tuple[int, int]] = Counter()
    for words in sentences:
        for i, word in enumerate(words):
            if word not in index:
                continue
            for offset, side in ((-2, 0), (-1, 1), (1, 2), (2, 3)):
                j = i + offset
                if 0 <= j < len(words) and words[j] in context_index:
                    pairs[index[word], side * CONTEXT_WORDS + context_index[words[j]]] += 1
    rows, cols = zip(*pairs, strict=True)
    values = np.array(list(pairs.values()), dtype=np.float64)
    shape = (len(vocabulary), 4 * CONTEXT_WORDS)
    matrix = coo_matrix((values, (rows, cols)), shape=shape).tocsr()
    total = values.sum()
    row_sums = np.asarray(matrix.sum(axis=1)).ravel()
    col_sums = np.asarray(matrix.sum(axis=0)).ravel()
    coo = matrix.tocoo()
    pmi = np.log(coo.data * total / (row_sums[coo.row] * col_sums[coo.col]))
    ppmi = coo_matrix((np.maximum(pmi, 0.0), (coo.row, coo.col)), shape=shape).tocsr()
    start = np.ones(min(shape), dtype=np.float64) / np.sqrt(min(shape))
    u, s, _ = svds(ppmi, k=DIMENSIONS, v0=start)
    vectors = u * np.sqrt(s)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True).clip(min=1e-9)
    return dict(zip(vocabulary, _tree(vectors, 0, seed=7), strict=True))


def tokenized(texts: Iterable[str]) -> Iterator[list[str]]:
    """Word tokens of each text (a text is a bag of sentences: contexts cross them rarely)."""
    for text in texts:
        yield [token.text for token in tokenize(text)]
