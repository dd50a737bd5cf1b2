"""IOB2 NER corpora (ANERcorp, Universal NER, Wojood) and strict entity-level scoring."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

Sentence = tuple[list[str], list[str]]  # words, IOB2 tags over PERS, ORG, LOC, MISC
Span = tuple[int, int, str]  # start token, end token (exclusive), type

UNER_TYPES = {"PER": "PERS", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC"}
WOJOOD_TYPES = {"PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
_ANERCORP_SENTENCE_END = frozenset({".", "!", "?", "؟"})


def _map_tag(tag: str, types: dict[str, str] | None) -> str:
    if tag == "O" or types is None:
        return tag
    prefix, _, kind = tag.partition("-")
    return f"{prefix}-{types[kind]}" if kind in types else "O"


def read_conll(
    path: Path, *, word_column: int, tag_column: int, types: dict[str, str] | None = None
) -> list[Sentence]:
    """Sentences of a column file: blank lines (and ANERcorp's sentence-final tokens) split."""
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        columns = line.split("\t") if "\t" in line else line.split()
        if line.startswith("#") and (len(columns) < 2 or not columns[0].isdigit()):
            continue
        if len(columns) > max(word_column, tag_column):
            words.append(columns[word_column])
            tags.append(_map_tag(columns[tag_column], types))
            if types is None and columns[word_column] in _ANERCORP_SENTENCE_END:
                sentences.append((words, tags))
                words, tags = [], []
        elif words:
            sentences.append((words, tags))
            words, tags = [], []
    if words:
        sentences.append((words, tags))
    return sentences


def outermost_spans(layers: list[list[str]], types: dict[str, str]) -> list[str]:
    """One IOB2 sequence from nested layers (one tag list per layer): the spans of every layer
    whose type maps, each kept unless it lies inside a longer kept one (`وزارة الصحة السعودية`
    is one ORG; `نابلس`, a GPE inside an occupation span whose type does not map, is a LOC)."""
    found = [
        (start, end, types[kind])
        for layer in layers
        for start, end, kind in spans(layer)
        if kind in types
    ]
    kept: list[Span] = []
    for start, end, kind in sorted(found, key=lambda span: (span[0], span[0] - span[1])):
        if not any(s <= start and end <= e for s, e, _ in kept):
            kept.append((start, end, kind))
    result = ["O"] * (len(layers[0]) if layers else 0)
    for start, end, kind in kept:
        result[start:end] = [f"B-{kind}"] + [f"I-{kind}"] * (end - start - 1)
    return result


def read_nested(path: Path, types: dict[str, str]) -> list[Sentence]:
    """Sentences of a nested column file (`token TAG [TAG ...]`, one layer per column), each
    flattened by `outermost_spans`."""
    sentences: list[Sentence] = []
    rows: list[list[str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        columns = line.split()
        if columns:
            rows.append(columns)
            continue
        if rows:
            depth = max(len(row) for row in rows)
            layers = [[row[i] if i < len(row) else "O" for row in rows] for i in range(1, depth)]
            sentences.append(([row[0] for row in rows], outermost_spans(layers, types)))
            rows = []
    return sentences


def read_dataset(kind: str, path: Path) -> list[Sentence]:
    """A corpus by kind: 'anercorp', 'uner', 'wojood' (its first, outermost layer only) or
    'wojood-nested' (every layer, `outermost_spans`); types mapped to PERS/ORG/LOC/MISC."""
    if kind == "anercorp":
        return read_conll(path, word_column=0, tag_column=1)
    if kind == "uner":
        return read_conll(path, word_column=1, tag_column=2, types=UNER_TYPES)
    if kind == "wojood":
        sentences = read_conll(path, word_column=0, tag_column=1, types=WOJOOD_TYPES)
        return [(w, t) for w, t in sentences if w != ["$#$"]]
    if kind == "wojood-nested":
        return [(w, t) for w, t in read_nested(path, WOJOOD_TYPES) if w != ["$#$"]]
    raise ValueError(f"unknown dataset kind {kind!r}")


def spans(tags: list[str]) -> set[Span]:
    """Entity spans of an IOB2 sequence; an I- without a matching B- opens a new span."""
    found: set[Span] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, tag_kind = tag.partition("-")
        if kind and (prefix != "I" or tag_kind != kind):
            found.add((start, i, kind))
            kind = ""
        if prefix == "B" or (prefix == "I" and not kind):
            start, kind = i, tag_kind
    return found


def to_bilou(tags: list[str]) -> list[str]:
    """IOB2 → BILOU: the last token of a span is L-, a one-token span U- (CRFs learn ends)."""
    result = list(tags)
    for start, end, kind in spans(tags):
        if end - start == 1:
            result[start] = f"U-{kind}"
        else:
            result[start] = f"B-{kind}"
            result[start + 1 : end] = [f"I-{kind}"] * (end - start - 2) + [f"L-{kind}"]
    return result


@dataclass
class Scores:
    """True positives, predicted and gold span counts per type."""

    tp: Counter[str]
    predicted: Counter[str]
    gold: Counter[str]

    def prf(self, kind: str | None = None) -> tuple[float, float, float]:
        """Precision, recall, F1 for one type, or micro-averaged over all when None."""
        tp = sum(self.tp.values()) if kind is None else self.tp[kind]
        pr = sum(self.predicted.values()) if kind is None else self.predicted[kind]
        gd = sum(self.gold.values()) if kind is None else self.gold[kind]
        precision = tp / pr if pr else 0.0
        recall = tp / gd if gd else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def score(gold: Iterable[list[str]], predicted: Iterable[list[str]]) -> Scores:
    """Strict entity-level matching: same start, end and type."""
    result = Scores(Counter(), Counter(), Counter())
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        gold_spans, predicted_spans = spans(gold_tags), spans(predicted_tags)
        result.gold.update(kind for _, _, kind in gold_spans)
        result.predicted.update(kind for _, _, kind in predicted_spans)
        result.tp.update(kind for _, _, kind in gold_spans & predicted_spans)
    return result


def cv_split(sentences: list[Sentence], fold: int, parts: int) -> tuple[list[Sentence], ...]:
    """Training and held-out sentences of one contiguous fold (`eval/ner_cv.py`)."""
    low, high = len(sentences) * fold // parts, len(sentences) * (fold + 1) // parts
    return sentences[:low] + sentences[high:], sentences[low:high]


ERROR_KINDS = ("right", "missed", "boundary", "type", "boundary+type", "spurious")


def span_errors(gold_tags: list[str], predicted_tags: list[str]) -> list[tuple[str, str, Span]]:
    """Each gold span as `(error kind, its type, span)`: right, missed (no predicted span
    overlaps it), boundary (an overlapping prediction of its type, other bounds), type (same
    bounds, other type) or boundary+type; then each predicted span that overlaps no gold span
    as spurious, with the predicted type."""
    gold, predicted = spans(gold_tags), spans(predicted_tags)
    found: list[tuple[str, str, Span]] = []
    for span in sorted(gold):
        start, end, kind = span
        overlapping = [p for p in predicted if p[0] < end and start < p[1]]
        if span in predicted:
            error = "right"
        elif not overlapping:
            error = "missed"
        elif any(p[:2] == (start, end) for p in overlapping):
            error = "type"
        elif any(p[2] == kind for p in overlapping):
            error = "boundary"
        else:
            error = "boundary+type"
        found.append((error, kind, span))
    for span in sorted(predicted):
        if not any(g[0] < span[1] and span[0] < g[1] for g in gold):
            found.append(("spurious", span[2], span))
    return found
