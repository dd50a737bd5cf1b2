"""Error analysis of held-out NER predictions (`eval/ner_cv.py --predictions FILE`).

.venv/bin/python eval/ner_errors.py /tmp/cv.jsonl [--shift 0] [--examples 5]

Per gold type: spans right, missed (nothing predicted over them), boundary (a prediction of the
same type overlaps with other bounds), type (same bounds, other type), boundary+type; then the
predictions that overlap no gold span (spurious, by predicted type). Examples are printed as
`gold | predicted` over the span's words (±2 words of context). With `--train` (the ANERcorp
train.txt the CV split), each gold type is also split into names seen as an entity in the
fold's training part and names never seen there.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from pipelines.enrich.entities.build.corpus import (
    ERROR_KINDS,
    cv_split,
    read_dataset,
    span_errors,
    spans,
)
from pipelines.enrich.entities.names.text import normalize_word


def _show(words: list[str], tags: list[str], start: int, end: int) -> str:
    inside = {i: kind for s, e, kind in spans(tags) for i in range(s, e)}
    low, high = max(0, start - 2), min(len(words), end + 2)
    return " ".join(
        f"[{words[i]}]{inside[i][:3]}" if i in inside else words[i] for i in range(low, high)
    )


def _key(words: list[str]) -> str:
    return " ".join(normalize_word(word) for word in words)


def seen_names(path: Path, folds: set[int], parts: int) -> dict[int, set[str]]:
    """Per fold, the names (normalized words) tagged as entities in its training part."""
    sentences = read_dataset("anercorp", path)
    found: dict[int, set[str]] = {}
    for fold in folds:
        train, _ = cv_split(sentences, fold, parts)
        found[fold] = {_key(w[s:e]) for w, tags in train for s, e, _ in spans(tags)}
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="JSONL of eval/ner_cv.py --predictions")
    parser.add_argument("--shift", type=float, default=0.0)
    parser.add_argument("--examples", type=int, default=5)
    parser.add_argument("--train", type=Path, help="ANERcorp train.txt: split seen / unseen")
    parser.add_argument("--parts", type=int, default=5)
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines()]
    rows = [row for row in rows if row["shift"] == args.shift]
    seen = seen_names(args.train, {row["fold"] for row in rows}, args.parts) if args.train else {}
    counts: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in rows:
        for error, kind, (start, end, _) in span_errors(row["gold"], row["predicted"]):
            if seen and error != "spurious":
                novel = _key(row["words"][start:end]) not in seen[row["fold"]]
                kind += " unseen" if novel else " seen"
            counts[kind, error] += 1
            if error != "right" and len(examples[kind, error]) < args.examples:
                shown = f"{_show(row['words'], row['gold'], start, end)}  |  "
                examples[kind, error].append(
                    shown + _show(row["words"], row["predicted"], start, end)
                )
    kinds = sorted({kind for kind, _ in counts})
    print("| type | gold | " + " | ".join(ERROR_KINDS) + " |")
    print("|---" * (len(ERROR_KINDS) + 2) + "|")
    for kind in [*kinds, "all"]:
        row_counts = [
            sum(n for (k, e), n in counts.items() if e == error and kind in (k, "all"))
            for error in ERROR_KINDS
        ]
        print(f"| {kind} | {sum(row_counts[:-1])} | " + " | ".join(map(str, row_counts)) + " |")
    for (kind, error), shown in sorted(item for item in examples.items() if item[1]):
        print(f"\n{kind} {error}:")
        for example in shown:
            print(f"  {example}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
