"""Main-text extraction against article_extraction_benchmark (token precision / recall / F1).

Each page goes through the ingest extractor (pipelines.ingest.html_extract.extract_page, the
same code the pipeline runs); its body is compared with the gold ``articleBody`` as bags of
lowercased word tokens (\\w+). Precision and recall are averaged over pages; F1 is the harmonic
mean of the two averages (as in the benchmark's own scripts); the mean per-page F1 is printed
too.

    .venv/bin/python eval/html_extraction.py ../shared/data/article_extraction_benchmark
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipelines.ingest.html_extract import (
    EXTRACTOR_VERSIONS,
    EXTRACTORS,
    PageContext,
    extract_page,
    html_extractor,
    quiet_extractor_logs,
)

TOKEN = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    return Counter(TOKEN.findall(text.lower()))


def precision_recall(predicted: str, gold: str) -> tuple[float, float]:
    pred, ref = tokens(predicted), tokens(gold)
    common = sum((pred & ref).values())
    precision = common / sum(pred.values()) if pred else 0.0
    recall = common / sum(ref.values()) if ref else 1.0
    return precision, recall


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("path", type=Path, help="article_extraction_benchmark folder")
    parser.add_argument(
        "--extractor", choices=EXTRACTORS, help="main-text extractor (default: NEWS_HTML_EXTRACTOR)"
    )
    args = parser.parse_args(argv)
    extractor = html_extractor(args.extractor)
    quiet_extractor_logs()
    gold = json.loads((args.path / "ground-truth.json").read_text(encoding="utf-8"))
    precisions, recalls, per_page = [], [], []
    start = time.perf_counter()
    for page_id, item in sorted(gold.items()):
        html = gzip.decompress((args.path / "html" / f"{page_id}.html.gz").read_bytes())
        context = PageContext("file", target_uri=item.get("url"))
        record = extract_page(html, context, extractor)
        body = (record.fields or {}).get("body") or ""
        p, r = precision_recall(body, item["articleBody"])
        precisions.append(p)
        recalls.append(r)
        per_page.append(f1(p, r))
    seconds = time.perf_counter() - start
    n = len(gold)
    precision, recall = sum(precisions) / n, sum(recalls) / n
    print(f"extractor: {EXTRACTOR_VERSIONS[extractor]}")
    print(f"pages: {n}  ({n / seconds:.1f} pages/s, 1 process)")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1(precision, recall):.3f}")
    print(f"mean per-page F1 {sum(per_page) / n:.3f}")
    print(f"pages with no text: {sum(1 for p in precisions if p == 0.0)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
