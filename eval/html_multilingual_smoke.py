"""Multilingual smoke test on newspaper4k_html: text extracted and language right per page.

Each page goes through the ingest extractor (pipelines.ingest.html_extract.extract_page);
its language is decided as the clean stage does (lingua on the body, else the page's declared
language, first two letters). The reference language is the page's metadata JSON (one tool's
output, not gold). Exit status 1 when an Arabic, Chinese, Japanese or Thai page has no text or
the wrong language.

    .venv/bin/python eval/html_multilingual_smoke.py ../shared/data/newspaper4k_html
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipelines.clean import detect_languages
from pipelines.ingest.html_extract import (
    EXTRACTORS,
    PageContext,
    extract_page,
    html_extractor,
    quiet_extractor_logs,
)

TARGETS = ("arabic", "chinese", "japanese", "thai")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("path", type=Path, help="newspaper4k_html folder")
    parser.add_argument(
        "--extractor", choices=EXTRACTORS, help="main-text extractor (default: NEWS_HTML_EXTRACTOR)"
    )
    args = parser.parse_args(argv)
    extractor = html_extractor(args.extractor)
    quiet_extractor_logs()
    failures, checked, agree, total = [], 0, 0, 0
    for page in sorted((args.path / "html").glob("*.html.gz")):
        name = page.name.removesuffix(".html.gz")
        meta_path = args.path / "metadata" / f"{name}.json"
        meta = json.loads(meta_path.read_text("utf-8")) if meta_path.is_file() else {}
        expected = (meta.get("language") or "")[:2].lower()
        html = gzip.decompress(page.read_bytes())
        record = extract_page(html, PageContext("file", meta.get("url")), extractor)
        fields = record.fields or {}
        body = fields.get("body") or ""
        detected = detect_languages([body])[0] if body else None
        declared = (fields.get("language") or "")[:2].lower() or None
        language = detected or declared
        total += 1
        agree += bool(expected) and language == expected
        is_target = name.startswith(TARGETS)
        ok = bool(body) and (not expected or language == expected)
        mark = "ok " if ok else "BAD"
        print(f"{mark} {name:28s} ref={expected or '-':3s} got={language or '-':3s} "
              f"page={declared or '-':3s} chars={len(body):6d} "
              f"{record.reject_reason or ''}")  # fmt: skip
        if is_target:
            checked += 1
            if not ok:
                failures.append(name)
    print(f"\nall pages: language agrees with the reference on {agree}/{total}")
    print(f"ar/zh/ja/th pages: {checked - len(failures)}/{checked} with text and right language")
    if failures:
        print("failed: " + ", ".join(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
