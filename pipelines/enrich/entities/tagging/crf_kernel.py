"""Compiled (numba) Viterbi and forward-backward over many sentences of a linear-chain CRF.

Per sentence and step the work is a few 9 × 9 loops: in numpy every one of them is a call
with its own overhead, which made decoding a third of the entity stage; compiled, it is a few
percent. Compiled code is cached beside this file (`cache=True`), so only the first process
after an install pays the compilation (~2 s).
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True, nogil=True)
def sum_blocks(
    blocks: np.ndarray, found: np.ndarray, bounds: np.ndarray, first: int, table: np.ndarray
) -> None:
    """table[first + i] = the sum of blocks[found[bounds[i]:bounds[i + 1]]], for every i."""
    for i in range(len(bounds) - 1):
        row = table[first + i]
        row[:] = 0.0
        for k in range(bounds[i], bounds[i + 1]):
            row += blocks[found[k]]


@njit(cache=True, nogil=True)
def decode_sentences(
    table: np.ndarray,  # words × offsets × labels: a word's score vector in each window position
    offsets: np.ndarray,  # the window offset of each table part (0 first), unused ones left out
    parts: np.ndarray,  # the table part of each entry of `offsets`
    ids: np.ndarray,  # table row of every token, all sentences one after another
    bounds: np.ndarray,  # sentence i is ids[bounds[i]:bounds[i + 1]]
    bos: np.ndarray,
    eos: np.ndarray,
    transitions: np.ndarray,  # labels × labels, from → to
    skip: int,  # a label: sentences whose best path is all this label get no marginals (NaN)
) -> tuple[np.ndarray, np.ndarray]:
    """Best label of every token and that label's marginal probability."""
    labels = transitions.shape[0]
    paths = np.zeros(len(ids), dtype=np.int64)
    marginals = np.full(len(ids), np.nan)
    incoming = np.ascontiguousarray(transitions.T)  # to × from: inner loops run over "from"
    moves = np.exp(transitions)
    moves_in = np.ascontiguousarray(moves.T)
    longest = 1
    for i in range(len(bounds) - 1):
        longest = max(longest, bounds[i + 1] - bounds[i])
    scores = np.empty((longest, labels))
    delta = np.empty((longest, labels))
    back = np.zeros((longest, labels), dtype=np.int64)
    alpha = np.empty((longest, labels))
    beta = np.empty((longest, labels))
    emissions = np.empty((longest, labels))
    for i in range(len(bounds) - 1):
        first, n = bounds[i], bounds[i + 1] - bounds[i]
        if n == 0:
            continue
        for t in range(n):
            for y in range(labels):
                scores[t, y] = 0.0
            for k in range(len(offsets)):
                source = t + offsets[k]
                if 0 <= source < n:
                    row = ids[first + source]
                    for y in range(labels):
                        scores[t, y] += table[row, parts[k], y]
        for y in range(labels):
            scores[0, y] += bos[y]
            scores[n - 1, y] += eos[y]
        path = paths[first : first + n]
        _viterbi(scores, n, incoming, delta, back, path)
        if np.all(path == skip):
            continue
        _forward_backward(scores, n, moves, moves_in, emissions, alpha, beta)
        for t in range(n):
            y = paths[first + t]
            total = 0.0
            for z in range(labels):
                total += alpha[t, z] * beta[t, z]
            marginals[first + t] = alpha[t, y] * beta[t, y] / total
    return paths, marginals


@njit(cache=True, nogil=True, fastmath=True)
def _viterbi(
    scores: np.ndarray, n: int, incoming: np.ndarray, delta: np.ndarray, back: np.ndarray,
    path: np.ndarray,
) -> None:  # fmt: skip
    labels = incoming.shape[0]
    for y in range(labels):
        delta[0, y] = scores[0, y]
    for t in range(1, n):
        previous = delta[t - 1]
        for y in range(labels):
            weights = incoming[y]
            best, best_from = previous[0] + weights[0], 0
            for z in range(1, labels):
                candidate = previous[z] + weights[z]
                if candidate > best:
                    best, best_from = candidate, z
            delta[t, y] = best + scores[t, y]
            back[t, y] = best_from
    last = 0
    for y in range(1, labels):
        if delta[n - 1, y] > delta[n - 1, last]:
            last = y
    path[n - 1] = last
    for t in range(n - 1, 0, -1):
        path[t - 1] = back[t, path[t]]


@njit(cache=True, nogil=True, fastmath=True)
def _forward_backward(
    scores: np.ndarray, n: int, moves: np.ndarray, moves_in: np.ndarray, emissions: np.ndarray,
    alpha: np.ndarray, beta: np.ndarray,
) -> None:  # fmt: skip
    """Scaled forward-backward: each step renormalized (the scales cancel in the marginals)."""
    labels = moves.shape[0]
    for t in range(n):
        top = scores[t, 0]
        for y in range(1, labels):
            top = max(top, scores[t, y])
        for y in range(labels):
            emissions[t, y] = np.exp(scores[t, y] - top)
    _normalized(emissions[0], alpha[0])
    for t in range(1, n):
        previous = alpha[t - 1]
        for y in range(labels):
            weights = moves_in[y]
            total = 0.0
            for z in range(labels):
                total += previous[z] * weights[z]
            alpha[t, y] = total * emissions[t, y]
        _normalized(alpha[t], alpha[t])
    ahead = np.empty(labels)
    for y in range(labels):
        beta[n - 1, y] = 1.0
    for t in range(n - 2, -1, -1):
        for y in range(labels):
            ahead[y] = emissions[t + 1, y] * beta[t + 1, y]
        for z in range(labels):
            weights = moves[z]
            total = 0.0
            for y in range(labels):
                total += weights[y] * ahead[y]
            beta[t, z] = total
        _normalized(beta[t], beta[t])


@njit(cache=True, nogil=True)
def _normalized(values: np.ndarray, out: np.ndarray) -> None:
    total = values.sum()
    for y in range(len(values)):
        out[y] = values[y] / total
