"""Property-based fuzzing of ingest with hostile landing folders.

Each example is a landing folder of dumps in every format (JSON Lines, JSON array, CSV, text,
HTML, Parquet, binary) and compression (none, gzip, bz2, zip member), valid records carrying
unique tokens mixed with hostile records, plus links leading outside the folder, a fifo, an
unsafe zip and an odd file name. Properties: no crash; every dump listed and read; read =
accepted + quarantined, each record exactly once; every valid record accepted (by its own
title); no file outside the landing folder opened and its content nowhere. The end-to-end
case runs the same through `news-warehouse run` into a warehouse.

HYPOTHESIS_PROFILE=ci (default) is bounded; `make fuzz` runs the long profile and writes the
figures to $NEWS_FUZZ_STATS.
"""

from __future__ import annotations

import atexit
import json
import os
import random
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines import cli
from pipelines.ingest import discover_dumps, open_dump

from .dumps import (
    COMPRESSIONS,
    FORMATS,
    FUZZ_LIMITS,
    HOSTILE_RECORDS,
    SECRET,
    build_dump,
    outside_files,
    write_links,
)

STATS: Counter[str] = Counter()


def _write_stats() -> None:
    target = os.environ.get("NEWS_FUZZ_STATS")
    if target and STATS:
        Path(target).write_text(json.dumps(dict(sorted(STATS.items())), indent=2) + "\n")


atexit.register(_write_stats)

dump_specs = st.lists(
    st.tuples(
        st.sampled_from(FORMATS),
        st.sampled_from(COMPRESSIONS),
        st.lists(st.sampled_from(HOSTILE_RECORDS), max_size=4),
    ),
    min_size=1,
    max_size=6,
)


@contextmanager
def fuzz_env() -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in FUZZ_LIMITS}
    os.environ.update(FUZZ_LIMITS)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextmanager
def watch_opens(outside: Path) -> Iterator[list[str]]:
    """Paths under `outside` that anything in this process opens (sys audit hook)."""
    opened: list[str] = []
    prefix = str(outside.resolve())
    active = [True]

    def hook(event: str, args: tuple[object, ...]) -> None:
        if active[0] and event == "open" and isinstance(args[0], str | bytes):
            path = os.fsdecode(args[0])
            if os.path.realpath(path).startswith(prefix):
                opened.append(path)

    sys.addaudithook(hook)  # hooks cannot be removed: this one is switched off instead
    try:
        yield opened
    finally:
        active[0] = False


def make_landing(root: Path, specs: list, seed: int) -> tuple[Path, Path, set[str]]:
    rng = random.Random(seed)
    landing = root / "landing"
    landing.mkdir()
    outside = outside_files(root)
    tokens: set[str] = set()
    for index, (fmt, compression, hostile) in enumerate(specs):
        tokens |= build_dump(landing, index, fmt, compression, hostile, rng)
    STATS["files_outside_links_and_odd"] += write_links(landing, outside, rng)
    STATS["valid_records"] += len(tokens)
    return landing, outside, tokens


def read_landing(landing: Path) -> tuple[dict[str, list], Counter[str]]:
    by_dump, reasons = {}, Counter[str]()
    for source in discover_dumps(landing):
        records = [r for batch in open_dump(source).batches(7) for r in batch]
        by_dump[source.dump_file] = records
        reasons.update(r.reject_reason or "loaded" for r in records)
    return by_dump, reasons


def identity(fields: dict) -> str:
    """A record's title; for plain text (no title field) the first line of its body."""
    return fields.get("title") or (fields.get("body") or "").split("\n", 1)[0]


@settings()
@given(specs=dump_specs, seed=st.integers(0, 2**32 - 1))
def test_readers_survive_hostile_landing(specs: list, seed: int) -> None:
    with tempfile.TemporaryDirectory() as tmp, fuzz_env():
        landing, outside, tokens = make_landing(Path(tmp), specs, seed)
        with watch_opens(outside) as opened:
            by_dump, reasons = read_landing(landing)
        assert opened == [], f"opened outside the landing folder: {opened}"
        titles = set()
        for dump_file, records in by_dump.items():
            assert [r.record_index for r in records] == list(range(len(records))), dump_file
            for record in records:
                assert (record.fields is None) == record.rejected  # exactly one place
                text = json.dumps([record.raw_record, record.fields], ensure_ascii=False)
                assert SECRET not in text, dump_file
                if record.fields is not None:
                    titles.add(identity(record.fields))
        lost = {t for t in tokens if f"Title {t}" not in titles}
        assert not lost, f"valid records not read: {sorted(lost)}"
        STATS["examples_readers"] += 1
        STATS["dumps"] += len(by_dump)
        STATS["records_read"] += sum(len(r) for r in by_dump.values())
        STATS.update({f"reason:{k}": v for k, v in reasons.items()})


@settings(max_examples=int(os.environ.get("NEWS_FUZZ_E2E_EXAMPLES", "1")))
@given(specs=dump_specs, seed=st.integers(0, 2**32 - 1))
def test_end_to_end_through_the_cli(specs: list, seed: int) -> None:
    with tempfile.TemporaryDirectory() as tmp, fuzz_env():
        root = Path(tmp)
        landing, outside, tokens = make_landing(root, specs, seed)
        warehouse = root / "news.duckdb"
        argv = ["run", "--landing", str(landing), "--warehouse", str(warehouse), "--no-publish"]
        with watch_opens(outside) as opened:
            code = cli.main(argv)
        assert opened == [], f"opened outside the landing folder: {opened}"
        expected = {s.dump_file for s in discover_dumps(landing)}
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            dumps = dict(con.sql("SELECT dump_file, records_read FROM ops.dump_files").fetchall())
            unreconciled = con.sql(
                "SELECT dump_file FROM marts.dump_reconciliation WHERE NOT is_reconciled"
            ).fetchall()
            titles = {
                t
                for (t,) in con.sql(
                    "SELECT coalesce(title, split_part(body, chr(10), 1)) FROM raw.records"
                ).fetchall()
            }
            loaded = {t for (t,) in con.sql("SELECT title FROM core.articles").fetchall()}
            secret = con.sql(
                "SELECT count(*) FROM (SELECT raw_record AS t FROM raw.records UNION ALL "
                "SELECT raw_record FROM quarantine.rejected_records UNION ALL "
                "SELECT reject_detail FROM quarantine.rejected_records) WHERE t LIKE ?",
                params=[f"%{SECRET}%"],
            ).fetchone()
            reasons = con.sql(
                "SELECT reject_reason, count(*) FROM quarantine.rejected_records GROUP BY ALL"
            ).fetchall()
        finally:
            con.close()
        assert set(dumps) == expected
        assert unreconciled == []
        assert secret == (0,)
        lost = {t for t in tokens if f"Title {t}" not in titles or f"Title {t}" not in loaded}
        assert not lost, f"valid records not loaded: {sorted(lost)}"
        assert code == 0
        STATS["examples_end_to_end"] += 1
        STATS["dumps_end_to_end"] += len(dumps)
        STATS["records_read_end_to_end"] += sum(dumps.values())
        STATS.update({f"e2e_reason:{k}": v for k, v in reasons})
