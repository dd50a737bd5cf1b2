"""Evaluate date-expression spans against the DATE layer of Wojood (`token TAG [TAG ...]` IOB2).

Each sentence is rebuilt by joining its tokens with spaces; the Arabic finder runs on it (anchor
2025-04-28 for relative expressions) and its spans are mapped to token spans. Prints precision,
recall and F1 for exact span match and for overlapping span match.

    .venv/bin/python eval/dates_wojood.py ../shared/data/wojood/val.txt
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipelines.enrich.dates import find_date_mentions

Span = tuple[int, int]  # token indexes, end exclusive


def read_sentences(path: Path) -> list[tuple[list[str], list[Span]]]:
    """(tokens, gold DATE spans) per sentence."""
    sentences: list[tuple[list[str], list[Span]]] = []
    tokens: list[str] = []
    spans: list[Span] = []
    start: int | None = None

    def close(end: int) -> None:
        nonlocal start
        if start is not None:
            spans.append((start, end))
            start = None

    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        if not parts:
            close(len(tokens))
            if tokens:
                sentences.append((tokens, spans))
            tokens, spans = [], []
            continue
        tag = next((t for t in parts[1:] if t.endswith("-DATE")), "O")
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            close(len(tokens))
            start = len(tokens)
        elif tag == "O":
            close(len(tokens))
        tokens.append(parts[0])
    return sentences


def predicted_spans(tokens: list[str]) -> list[Span]:
    text = " ".join(tokens)
    starts, position = [], 0
    for token in tokens:
        starts.append(position)
        position += len(token) + 1
    spans = []
    for mention in find_date_mentions(text, "ar", date(2025, 4, 28)):
        first = max(i for i, s in enumerate(starts) if s <= mention.start_char)
        last = max(i for i, s in enumerate(starts) if s < mention.end_char)
        spans.append((first, last + 1))
    return spans


def prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> str:
    precision = tp_p / n_pred if n_pred else 0.0
    recall = tp_g / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("path", type=Path, help="Wojood file, e.g. ../shared/data/wojood/val.txt")
    parser.add_argument("--show", type=int, default=0, help="print this many misses of each kind")
    args = parser.parse_args(argv)
    exact = overlap_pred = overlap_gold = n_pred = n_gold = 0
    misses: list[str] = []
    false_alarms: list[str] = []
    for tokens, gold in read_sentences(args.path):
        predicted = predicted_spans(tokens)
        n_pred += len(predicted)
        n_gold += len(gold)
        exact += len(set(predicted) & set(gold))

        def overlaps(a: Span, spans: list[Span]) -> bool:
            return any(a[0] < b[1] and b[0] < a[1] for b in spans)

        overlap_pred += sum(overlaps(p, gold) for p in predicted)
        overlap_gold += sum(overlaps(g, predicted) for g in gold)
        misses += [" ".join(tokens[g[0] : g[1]]) for g in gold if not overlaps(g, predicted)]
        false_alarms += [" ".join(tokens[p[0] : p[1]]) for p in predicted if not overlaps(p, gold)]
    print(f"{args.path}: {n_gold} gold DATE spans, {n_pred} predicted")
    print(f"exact span match:       {prf(exact, n_pred, exact, n_gold)}")
    print(f"overlapping span match: {prf(overlap_pred, n_pred, overlap_gold, n_gold)}")
    if args.show:
        print("missed:", misses[: args.show])
        print("not in gold:", false_alarms[: args.show])
    return 0


if __name__ == "__main__":
    sys.exit(main())
