"""Imported once by the worker pool's fork server: the map's models, shared by the workers.

Workers are forked from a server process that imported this module, so they start in
milliseconds with the entity taggers, gazetteer and date vocabularies already loaded, and share
those pages (copy-on-write) instead of each loading its own.
"""

from __future__ import annotations

import gc
import os

from pipelines.clean import clean_article
from pipelines.dedup.shingles import shingle_hashes
from pipelines.enrich.dates.mentions import find_date_mentions
from pipelines.enrich.entities import extract_texts
from pipelines.ingest.html_extract import EXTRACTORS, PageContext, extract_page
from pipelines.parallel import DIE_WITH_PARENT_ENV, die_with_parent

_WARM_UP_PAGE = (
    b"<html lang='en'><head><title>Council approves the bridge</title>"
    b"<meta name='date' content='2025-04-28'></head><body><article><h1>Council approves the"
    b" bridge</h1><p>The city council approved the new river bridge on Monday, 28 April 2025,"
    b" after a long debate about its cost and the traffic it will carry.</p></article>"
    b"</body></html>"
)
_WARM_UP = (
    ("قال الرئيس الروسي فلاديمير بوتين في موسكو يوم 28 أبريل 2025 إن الأمم المتحدة", "ar"),
    ("Vladimir Putin said in Moscow on 28 April 2025 that the United Nations met.", "en"),
    ("Le président a déclaré à Paris le 28 avril 2025 que les Nations unies.", "fr"),
)


def warm_up() -> None:
    """Load what the map's first chunk would load, then keep it out of garbage collections.

    Nothing here may start a thread: a fork copies only the forking thread, and a library whose
    thread pool was started before the fork (lingua's and polars' Rust pools, pyarrow's) waits
    forever for it in the child. Polars, pyarrow and the language detector therefore load in
    each worker, after the fork (pipelines/parallel.py sets one BLAS thread first)."""
    extract_texts([(text, language, "body") for text, language in _WARM_UP])
    for extractor in EXTRACTORS:  # trafilatura, htmldate and dateparser load here
        extract_page(_WARM_UP_PAGE, PageContext("file", "https://news.example.com/a"), extractor)
    for text, language in _WARM_UP:
        clean_article(title=None, body=text, published_at_raw=None, is_plain_text=False)
        find_date_mentions(text, language, None, day_first=True)
    shingle_hashes([text for text, _ in _WARM_UP])  # its compiled kernel, loaded once
    gc.collect()
    gc.freeze()


if os.environ.get(DIE_WITH_PARENT_ENV) == "1":
    die_with_parent()
warm_up()

if os.path.isdir("/proc/self/task") and len(os.listdir("/proc/self/task")) > 1:
    raise RuntimeError("preloading started a thread in the fork server: forked workers would hang")
