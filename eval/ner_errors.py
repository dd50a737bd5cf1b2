"""Error analysis of held-out NER predictions (`eval/ner_cv.py --predictions FILE`).

.venv/bin/python eval/ner_errors.py /tmp/cv.jsonl [--shift 0] [--examples 5]

Per gold type: spans right, missed (nothing predicted over them), boundary (a prediction of the
same type overlaps with other bounds), type (same bounds, other type), boundary+type; then the
predictions that overlap no gold span (spurious, by predicted type). Examples are printed as
`gold | predicted` over the span's words (±2 words of context).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from pipelines.enrich.entities.build.corpus import ERROR_KINDS, span_errors, spans


def _show(words: list[str], tags: list[str], start: int, end: int) -> str:
    inside = {i: kind for s, e, kind in spans(tags) for i in range(s, e)}
    low, high = max(0, start - 2), min(len(words), end + 2)
    return " ".join(
        f"[{words[i]}]{inside[i][:3]}" if i in inside else words[i] for i in range(low, high)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="JSONL of eval/ner_cv.py --predictions")
    parser.add_argument("--shift", type=float, default=0.0)
    parser.add_argument("--examples", type=int, default=5)
    args = parser.parse_args()
    counts: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    for line in args.path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["shift"] != args.shift:
            continue
        for error, kind, (start, end, _) in span_errors(row["gold"], row["predicted"]):
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
    for (kind, error), shown in sorted(examples.items()):
        print(f"\n{kind} {error}:")
        for example in shown:
            print(f"  {example}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
