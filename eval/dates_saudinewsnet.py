"""Publication dates on SaudiNewsNet: where they come from and how far they are from crawl time.

SaudiNewsNet records carry only `date_extracted`, the crawl time. Each record goes through the
same mapping, cleaning and `resolve_published_at` as in the pipeline; the script prints the
evidence the date was resolved from, per source, and for dates not taken from the crawl time
itself the gap (crawl time - resolved publication date) in days.

    .venv/bin/python eval/dates_saudinewsnet.py ../shared/data/saudinewsnet
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import zipfile
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipelines.clean import clean_article
from pipelines.clean.published import crawl_gap_days, resolve_published_at
from pipelines.ingest.mapping import map_fields


def records(folder: Path) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    for archive in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(archive) as zipped:
            for name in zipped.namelist():
                found += json.loads(zipped.read(name))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("path", type=Path, help="folder with the SaudiNewsNet *.zip day files")
    args = parser.parse_args(argv)
    by_source: dict[str, Counter[str]] = defaultdict(Counter)
    gaps: dict[str, list[float]] = defaultdict(list)
    for record in records(args.path):
        fields = map_fields(record)
        cleaned = clean_article(
            title=fields["title"],
            body=fields["body"],
            published_at_raw=fields["published_at_raw"],
            is_plain_text=False,
        )
        published = resolve_published_at(
            record_date=fields["published_at_raw"],
            record_date_source=fields.get("published_at_source"),
            date_line=cleaned.date_line,
            url=fields["url"],
            language="ar",
            source=None,
        )
        source = str(record["source"])
        by_source[source][published.source or "none"] += 1
        if published.source not in (None, "crawl"):
            crawled = datetime.fromisoformat(str(record["date_extracted"])).replace(tzinfo=UTC)
            gap = crawl_gap_days(published.value, crawled)
            if gap is not None:
                gaps[source].append(gap)
    total: Counter[str] = Counter()
    print(f"{'source':<14} {'records':>7}  evidence used (field/text/url/crawl/none)   gap days")
    for source, counts in sorted(by_source.items()):
        total.update(counts)
        gap_text = ""
        if gaps[source]:
            values = gaps[source]
            gap_text = (
                f"median {statistics.median(values):.2f}, "
                f"min {min(values):.2f}, max {max(values):.2f}"
            )
        print(f"{source:<14} {sum(counts.values()):>7}  {dict(counts)!s:<42} {gap_text}")
    all_gaps = [gap for values in gaps.values() for gap in values]
    print(f"all: {sum(total.values())} records, {dict(total)}")
    if all_gaps:
        within_day = sum(0 <= gap < 1 for gap in all_gaps) / len(all_gaps)
        print(
            f"not from crawl time: {len(all_gaps)} records; crawl - published median "
            f"{statistics.median(all_gaps):.2f} days, {within_day:.1%} within [0, 1) day, "
            f"{sum(gap < 0 for gap in all_gaps)} published after the crawl"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
