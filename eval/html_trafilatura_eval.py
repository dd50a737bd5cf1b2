"""trafilatura_eval: share of `with` snippets found, of `without` snippets avoided, date accuracy.

Each page goes through the ingest extractor (pipelines.ingest.html_extract.extract_page).
A `with` snippet counts as found when it occurs in the extracted body (whitespace collapsed);
a `without` snippet counts as avoided when it does not. Date accuracy: the extracted
published_at_raw (htmldate, original date preferred) equals the gold `date` to the day, over
the pages that have a gold date. Title and author: the extracted value equals the gold one
(whitespace collapsed, case-folded), over the pages that have one.

    .venv/bin/python eval/html_trafilatura_eval.py ../shared/data/trafilatura_eval
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
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

SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    return SPACE.sub(" ", text).strip()


def same(got: str | None, gold: str | list[str]) -> bool:
    """Equal up to spacing and case; a list of gold authors is joined as trafilatura joins them."""
    wanted = "; ".join(gold) if isinstance(gold, list) else gold
    return squash(got or "").casefold() == squash(wanted).casefold()


def gold_day(date: str) -> str:
    """The gold date as YYYY-MM-DD; two gold entries swap day and month (2022-29-11)."""
    year, month, day = date[:10].split("-")
    return f"{year}-{day}-{month}" if int(month) > 12 else date[:10]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("path", type=Path, help="trafilatura_eval folder")
    parser.add_argument("--show-date-misses", action="store_true", help="list wrong dates")
    parser.add_argument(
        "--extractor", choices=EXTRACTORS, help="main-text extractor (default: NEWS_HTML_EXTRACTOR)"
    )
    args = parser.parse_args(argv)
    extractor = html_extractor(args.extractor)
    quiet_extractor_logs()
    gold = json.loads((args.path / "evaldata_subset.json").read_text(encoding="utf-8"))
    found = wanted = avoided = unwanted = 0
    dated = right = raw_right = pages = 0
    titled = title_right = authored = author_right = 0
    misses: list[str] = []
    start = time.perf_counter()
    for url, item in sorted(gold.items()):
        page = args.path / "html" / f"{item['file']}.gz"
        if not page.is_file():
            continue
        pages += 1
        record = extract_page(
            gzip.decompress(page.read_bytes()), PageContext("file", url), extractor
        )
        fields = record.fields or {}
        body = squash(fields.get("body") or "")
        for snippet in item.get("with") or []:
            wanted += 1
            found += squash(snippet) in body
        for snippet in item.get("without") or []:
            unwanted += 1
            avoided += squash(snippet) not in body
        if item.get("title"):
            titled += 1
            title_right += same(fields.get("title"), item["title"])
        if item.get("author"):
            authored += 1
            author_right += same(fields.get("authors"), item["author"])
        if item.get("date"):
            dated += 1
            got = (fields.get("published_at_raw") or "")[:10]
            right += got == gold_day(item["date"])
            raw_right += got == item["date"][:10]
            if got != gold_day(item["date"]):
                misses.append(f"  {item['date'][:10]} got {got or '-':10s} {url}")
    seconds = time.perf_counter() - start
    print(f"extractor: {EXTRACTOR_VERSIONS[extractor]}")
    print(f"pages: {pages}  ({pages / seconds:.1f} pages/s, 1 process)")
    print(f"with snippets found:      {found}/{wanted} = {found / max(wanted, 1):.3f}")
    print(f"without snippets avoided: {avoided}/{unwanted} = {avoided / max(unwanted, 1):.3f}")
    print(f"date exact day:           {right}/{dated} = {right / max(dated, 1):.3f}")
    print(f"  (gold verbatim, its 2 day/month-swapped dates counted wrong: {raw_right}/{dated})")
    print(f"title exact:              {title_right}/{titled} = {title_right / max(titled, 1):.3f}")
    print(
        f"author exact:             {author_right}/{authored} = "
        f"{author_right / max(authored, 1):.3f}"
    )
    if args.show_date_misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
