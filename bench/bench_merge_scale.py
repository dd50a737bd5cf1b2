"""Simulated scale: the merge of one SaudiNewsNet day into a warehouse 1x, 10x, 100x larger.

    python bench/bench_merge_scale.py ../shared/data/saudinewsnet [--base-days 2] \
        [--scales 1 10 100]

Loads the first `--base-days` days into a DuckDB file, then for each scale k copies it and adds
k-1 copies of every article-keyed table under new ids (article, cluster and dump ids suffixed,
band keys remapped so copies are other stories; bodies and raw text empty in the copies, so the
warehouse grows in rows, not bytes), and merges the next day into it, on the file and on a
DuckLake filled from the same scaled file (a throwaway PostgreSQL cluster). Prints the merge's
seconds: the merge transaction's wall and CPU-seconds (the whole process, DuckDB's threads
included, from BEGIN to COMMIT), and its steps' walls. That is what stays serial when many machines
load at once. The machine may be shared: compare CPU-seconds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

from pipelines.dedup.matching import DEFAULT_THRESHOLD  # noqa: E402
from pipelines.ingest import discover_dumps  # noqa: E402
from pipelines.merge import loader  # noqa: E402
from pipelines.merge.loader import load_dumps  # noqa: E402
from pipelines.warehouse import open_warehouse, quote_identifier  # noqa: E402
from tests.ducklake.pg_cluster import start_cluster  # noqa: E402

TABLES = (
    "ops.dump_files", "raw.records", "staging.cleaned_records", "quarantine.rejected_records",
    "core.articles", "core.article_sightings", "core.article_clusters", "core.clusters",
    "core.article_bands", "core.article_links", "core.article_signatures",
    "core.entity_mentions", "core.date_mentions", "core.entity_enrichments",
)  # fmt: skip
SUFFIXED = ("article_id", "other_article_id", "canonical_article_id", "cluster_id", "dump_file")
EMPTIED = ("body", "raw_record")
MERGE_STAGES = ("merge_insert", "merge_articles", "merge_dedup", "merge_dates", "merge_entities")


def scale_up(database: Path, factor: int) -> None:
    """Add factor-1 renamed copies of every article-keyed table's rows."""
    if factor <= 1:
        return
    con = duckdb.connect(str(database))
    try:
        for table in TABLES:
            columns = [
                row[0] for row in con.execute(f"DESCRIBE {quote_identifier(table)}").fetchall()
            ]
            replace = [f"{c} || '~' || copy AS {c}" for c in SUFFIXED if c in columns]
            replace += [f"'' AS {c}" for c in EMPTIED if c in columns]
            if "band_key" in columns:
                replace.append("xor(band_key, copy * 1000003 * 7919) AS band_key")
            if "raw_payload" in columns:
                replace.append("NULL AS raw_payload")
            con.execute(
                f"INSERT INTO {quote_identifier(table)} SELECT * EXCLUDE (copy) "
                f"REPLACE ({', '.join(replace)}) FROM {quote_identifier(table)}, "
                f"range(1, {factor}) AS copies(copy)"
            )
        con.execute("CHECKPOINT")
    finally:
        con.close()


def fill_ducklake(source: Path, location: str) -> None:
    """A DuckLake holding the same rows as the DuckDB file `source`, every table (the LSH index's
    version too: without it the merge would rebuild the whole index)."""
    with open_warehouse(location) as con:
        con.execute(f"ATTACH '{source}' AS src (READ_ONLY)")
        tables = con.execute(
            "SELECT schema_name || '.' || table_name FROM duckdb_tables() "
            "WHERE database_name = 'src' AND NOT temporary ORDER BY ALL"
        ).fetchall()
        con.execute("BEGIN")
        for (table,) in tables:
            name = quote_identifier(table)
            src = "src." + name
            con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM {src}")
        con.execute("COMMIT")
        con.execute("DETACH src")


def merge_day(
    location: str | Path, landing: Path, workers: int
) -> tuple[dict[str, list[float]], list[float]]:
    """Merge the batch; the steps' [wall, CPU] and the merge transactions' [wall, CPU] summed."""
    spent = [0.0, 0.0]
    untimed = loader.transaction

    @contextmanager
    def timed(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
        wall, cpu = time.perf_counter(), time.process_time()
        with untimed(con):
            yield con
        spent[0] += time.perf_counter() - wall
        spent[1] += time.process_time() - cpu

    loader.transaction = timed  # type: ignore[assignment]
    try:
        report = load_dumps(
            location, discover_dumps(landing), workers=workers, threshold=DEFAULT_THRESHOLD
        )
    finally:
        loader.transaction = untimed
    assert not report.failed, report.failed
    return {stage: report.seconds.get(stage, [0.0, 0.0]) for stage in MERGE_STAGES}, spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--base-days", type=int, default=2)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--workers", type=int, default=2, help="map processes")
    parser.add_argument("--backends", nargs="+", default=["file", "ducklake"])
    args = parser.parse_args(argv)
    days = sorted(args.dataset.glob("*.zip"))[: args.base_days + 1]
    work = Path(tempfile.mkdtemp(prefix="news-merge-scale-"))
    cluster = start_cluster() if "ducklake" in args.backends else None
    try:
        base_landing, batch_landing = work / "base", work / "batch"
        base_landing.mkdir()
        batch_landing.mkdir()
        for day in days[:-1]:
            shutil.copy(day, base_landing / day.name)
        shutil.copy(days[-1], batch_landing / days[-1].name)
        base = work / "base.duckdb"
        load_dumps(
            base, discover_dumps(base_landing), workers=args.workers, threshold=DEFAULT_THRESHOLD
        )
        with open_warehouse(base, read_only=True) as con:
            articles = con.execute("SELECT count(*) FROM core.articles").fetchone()
        count = articles[0] if articles else 0
        print(f"base: {len(days) - 1} days, {count:,} articles; batch: {days[-1].name}; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")  # fmt: skip
        print(f"{'backend':<9} {'scale':>6} {'articles':>10} {'merge wall s':>13} "
              f"{'merge CPU s':>12}  per stage (wall)")  # fmt: skip
        for scale in args.scales:
            scaled = work / f"scaled-{scale}.duckdb"
            shutil.copy(base, scaled)
            scale_up(scaled, scale)
            for backend in args.backends:
                if backend == "file":
                    target: str | Path = work / f"file-{scale}.duckdb"
                    shutil.copy(scaled, target)
                else:
                    assert cluster is not None
                    dsn = cluster.create_database(f"scale{scale}_{uuid.uuid4().hex[:6]}")
                    target = f"ducklake:postgres:{dsn}"
                    os.environ["NEWS_DUCKLAKE_DATA"] = str(work / f"lake-{scale}" / "data")
                    fill_ducklake(scaled, str(target))
                began = time.perf_counter()
                stages, (wall, cpu) = merge_day(target, batch_landing, args.workers)
                detail = ", ".join(
                    f"{s.removeprefix('merge_')} {w:.1f}" for s, (w, _) in stages.items()
                )
                print(f"{backend:<9} {scale:>5}x {count * scale:>10,} "
                      f"{wall:>13.1f} {cpu:>12.1f}  {detail} "
                      f"(whole load {time.perf_counter() - began:.0f}s)", flush=True)  # fmt: skip
                if backend == "file":
                    Path(target).unlink()
            scaled.unlink()
    finally:
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
