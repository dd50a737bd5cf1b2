"""Publication day of HTML pages: the pipeline against htmldate alone, exact-day accuracy.

Datasets (the folder's layout tells which):
- trafilatura_eval: `evaldata_subset.json` has the gold `date` of each page in `html/`;
- newspaper4k_html: `metadata/*.json` has the `publish_date` one tool found (a reference, not
  gold) and the page URL; pages without a reference date are skipped.

Per page, on the same pages and with the same URL:
- `pipeline`: extract_page (pipelines/ingest/html_dates.py) then the clean stage's
  clean_records, so the day is what reaches `published_at`; a page quarantined as
  `empty_extraction` counts with the date its quarantine row keeps (`page.published_at_raw`),
  and the "articles only" line counts it as a miss;
- `htmldate defaults`: find_date(page) (extensive search, no URL, latest date);
- `htmldate extensive+URL`: find_date(page, url=URL) (the library as the issue measured it);
- `htmldate original`: the same with original_date=True (what the pipeline called before).
The two halves split the pages by a hash of their URL (the "held-out half" figures).

    .venv/bin/python eval/html_dates.py ../shared/data/trafilatura_eval [--show-misses]
    .venv/bin/python eval/html_dates.py ../shared/data/newspaper4k_html
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import htmldate
from trafilatura.utils import load_html

from pipelines.clean.batches import clean_records
from pipelines.ingest.html_extract import PageContext, extract_page, quiet_extractor_logs

METHODS = ("pipeline", "articles only", "htmldate defaults", "htmldate extensive+URL",
           "htmldate original")  # fmt: skip


def gold_day(date: str) -> str:
    """YYYY-MM-DD; two trafilatura_eval gold entries swap day and month (2022-29-11)."""
    year, month, day = date[:10].split("-")
    return f"{year}-{day}-{month}" if int(month) > 12 else date[:10]


def pages(path: Path) -> Iterator[tuple[str, bytes, str]]:
    """(url, page bytes, gold day) of every page with a gold or reference date."""
    gold_file = path / "evaldata_subset.json"
    if gold_file.is_file():
        for url, item in sorted(json.loads(gold_file.read_text("utf-8")).items()):
            page = path / "html" / f"{item['file']}.gz"
            if item.get("date") and page.is_file():
                yield url, gzip.decompress(page.read_bytes()), gold_day(item["date"])
        return
    for meta_path in sorted((path / "metadata").glob("*.json")):
        meta = json.loads(meta_path.read_text("utf-8"))
        page = path / "html" / f"{meta_path.stem}.html.gz"
        if meta.get("publish_date") and meta.get("url") and page.is_file():
            yield meta["url"], gzip.decompress(page.read_bytes()), meta["publish_date"][:10]


def pipeline_day(html: bytes, url: str) -> tuple[str | None, bool, str | None]:
    """(day that reaches published_at or the quarantine row, is an article, evidence rule)."""
    record = extract_page(html, PageContext("file", url))
    if record.rejected:
        page = _kept_page(record.raw_record)
        return page.get("published_at_raw"), False, page.get("date_evidence")
    fields = record.fields or {}
    row = {
        **fields,
        "dump_format": "html",
        "record_index": 0,
        "record_locator": "file",
        "raw_record": record.raw_record,
        "ingested_at": datetime.now(UTC),
    }
    batch = clean_records([row], "eval.html")
    rule = json.loads(fields.get("extra") or "{}").get("date_evidence")
    if not batch.rows:  # empty_after_cleaning: the quarantine row keeps the page's date
        kept = _kept_page(str(batch.rejections[0]["raw_record"]))
        return kept.get("published_at_raw"), False, rule
    published = batch.rows[0]["published_at"]
    return (published.date().isoformat() if published else None), True, rule


def _kept_page(raw_record: str) -> dict[str, str]:
    """The page fields a quarantine row keeps (none before issue 18: then a body, not JSON)."""
    try:
        kept = json.loads(raw_record)
    except ValueError:
        return {}
    return (kept.get("page") or {}) if isinstance(kept, dict) else {}


def library_days(html: bytes, url: str) -> tuple[str | None, str | None, str | None]:
    def day(tree_url: str | None, original: bool) -> str | None:
        found = htmldate.find_date(load_html(html), url=tree_url, original_date=original)
        return found if isinstance(found, str) else None

    return day(None, False), day(url, False), day(url, True)


def half(url: str) -> int:
    return hashlib.sha256(url.encode()).digest()[0] % 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("path", type=Path, help="trafilatura_eval or newspaper4k_html folder")
    parser.add_argument("--show-misses", action="store_true", help="list the pipeline's misses")
    args = parser.parse_args(argv)
    quiet_extractor_logs()
    right: Counter[tuple[str, int]] = Counter()
    total: Counter[int] = Counter()
    rules: Counter[str | None] = Counter()
    below_library = 0
    misses = []
    for url, html, gold in pages(args.path):
        got, is_article, rule = pipeline_day(html, url)
        defaults, extensive, original = library_days(html, url)
        side = half(url)
        total[side] += 1
        rules[rule] += 1
        days = (got, got if is_article else None, defaults, extensive, original)
        for method, day in zip(METHODS, days, strict=True):
            right[method, side] += day == gold
        below_library += got is None and (extensive or original) is not None
        if got != gold:
            misses.append(f"  gold {gold} got {got or '-':10s} ({rule}) {url}")
    pages_n = total[0] + total[1]
    print(f"{args.path.name}: {pages_n} pages with a date (halves {total[0]} / {total[1]})")
    for method in METHODS:
        both = right[method, 0] + right[method, 1]
        halves = " / ".join(f"{right[method, s] / max(total[s], 1):.3f}" for s in (0, 1))
        print(f"  {method:24s} exact day {both}/{pages_n} = {both / max(pages_n, 1):.3f}"
              f"  (halves {halves})")  # fmt: skip
    print(f"  pages where htmldate finds a date and the pipeline none: {below_library}")
    print("  pipeline evidence: " + ", ".join(f"{k}: {n}" for k, n in rules.most_common()))
    if args.show_misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
