"""CPU cost of HTML extraction per page, split by phase, for each main-text extractor.

One process, CPU time (time.process_time, robust to other jobs on a shared machine) of each
phase of pipelines.ingest.html_extract on every *.html.gz page under a folder; the first
--rounds - 1 passes warm up (imports, regex and dateparser caches), the last one is printed.
The whole extract_page of each extractor is timed too (its total includes records and JSON),
and, page by page alternately, the same with trafilatura's own load_html, extract_author and
extract_catstags in place of parse_html and html_metadata's (the code before they were
rewritten: same records, so the difference is what the rewrite saves).

    .venv/bin/python eval/html_cost.py ../shared/data/article_extraction_benchmark
    .venv/bin/python eval/html_cost.py ../shared/data   # the bench_html.py corpus (411 pages)
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import htmldate
from trafilatura import metadata as trafilatura_metadata
from trafilatura.metadata import extract_license
from trafilatura.utils import load_html

from pipelines.ingest import html_extract as hx
from pipelines.ingest import html_metadata as hm
from pipelines.ingest.html_dates import declared_published, gather_date_evidence, labelled_day
from pipelines.ingest.html_metadata import extract_author, extract_catstags
from pipelines.ingest.html_sniff import decode_html


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("path", type=Path, help="folder searched for *.html.gz pages")
    parser.add_argument("--rounds", type=int, default=2, help="passes; the last is printed")
    args = parser.parse_args(argv)
    hx.quiet_extractor_logs()
    pages = [gzip.decompress(f.read_bytes()) for f in sorted(args.path.rglob("*.html.gz"))]
    cost: dict[str, float] = defaultdict(float)
    find_date = partial(htmldate.find_date, original_date=True, extensive_search=True)

    def timed(phase: str, function: Callable[..., Any], *args: Any) -> Any:
        start = time.process_time()
        result = function(*args)
        cost[phase] += time.process_time() - start
        return result

    for _ in range(args.rounds):
        cost.clear()
        for payload in pages:
            html, _ = timed("charset decode", decode_html, payload, None)
            tree = timed("lxml parse", hx.parse_html, html)
            if tree is None:
                continue
            language = timed("declared language", hx.declared_language, tree)
            timed("htmldate (extensive)", find_date, tree)
            timed(
                "date evidence (html_dates: all but dateline)", _date_evidence, tree, html, language
            )
            timed("  of which: declared date", declared_published, tree, html)
            timed("  of which: labelled date if always run", labelled_day, html, language)
            timed("metadata (page_metadata)", hx.page_metadata, tree, None)
            timed("  of which: byline search if always run", extract_author, tree)
            timed("  of which: body categories+tags", _catstags, tree)
            timed("  skipped: licence", extract_license, tree)
            timed("resiliparse parse + main text", hx._resiliparse_text, html)
            timed("trafilatura strip", hx._strip_for_text, tree)
            timed("trafilatura main text", hx._main_text, tree, None)
            timed("zstd payload", hx.compress_payload, payload)
            for name in hx.EXTRACTORS:
                timed(f"extract_page total: {name}", hx.extract_page, payload, _context(), name)
                with _trafilaturas_own_parse_and_metadata():
                    phase = f"  with trafilatura's own parse and metadata: {name}"
                    timed(phase, hx.extract_page, payload, _context(), name)
    print(f"{len(pages)} pages under {args.path}, CPU ms per page (pass {args.rounds})")
    for phase, seconds in cost.items():
        print(f"  {phase:42s} {seconds / len(pages) * 1000:6.2f}")
    return 0


@contextmanager
def _trafilaturas_own_parse_and_metadata() -> Iterator[None]:
    ours = hx.parse_html, hm.extract_author, hm.extract_catstags
    hx.parse_html = load_html  # type: ignore[assignment]  # it takes a str too
    hm.extract_author = trafilatura_metadata.extract_author
    hm.extract_catstags = trafilatura_metadata.extract_catstags
    try:
        yield
    finally:
        hx.parse_html, hm.extract_author, hm.extract_catstags = ours


def _date_evidence(tree: Any, html: str, language: str | None) -> Any:
    return gather_date_evidence(tree, html, None, None, language)


def _catstags(tree: Any) -> tuple[list[str], list[str]]:
    return extract_catstags("category", tree), extract_catstags("tag", tree)


def _context() -> hx.PageContext:
    return hx.PageContext("file")


if __name__ == "__main__":
    raise SystemExit(main())
