"""The per-dump assets, materialized by one step: the parallel map, then the batched merge."""

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import dagster as dg

from pipelines import progress
from pipelines.checks import DUMP_CHECK_SPECS, batch_check_results
from pipelines.enrich.entities import enrichment_version
from pipelines.parallel import stop_workers
from pipelines.partitions import WAREHOUSE_POOL, dumps_partitions
from pipelines.resources import LandingResource, WarehouseResource
from pipelines.settings import map_workers

if TYPE_CHECKING:  # the loader (polars, pyarrow, the workers' code) loads when a run starts
    from pipelines.merge.loader import LoadReport
    from pipelines.staging.runner import StagedDump

# pipelines.dedup.matching.DEFAULT_THRESHOLD, without importing numpy and polars to define the
# assets (tests/test_definitions.py checks they agree).
DEFAULT_THRESHOLD = 0.75

# (asset, group, description): the keys the UI shows, in pipeline order.
DUMP_ASSET_KEYS = (
    ("raw_records", "ingest", "Records of one dump, format and encoding sniffed, raw schema."),
    ("validated_records", "validate", "Raw records checked against RawRecordSchema (Pandera)."),
    ("cleaned_records", "clean", "Valid records with clean text, date, language and article_id."),
    ("articles", "load", "core.articles and core.article_sightings for the dump's records."),
    ("article_clusters", "dedup", "Story clusters of the articles the dump added or changed."),
    ("entity_mentions", "enrich", "Entity mentions of the dump's articles, linked to entities."),
    ("date_mentions", "enrich", "Date expressions in the dump's articles, resolved to ranges."),
)


class DumpLoadConfig(dg.Config):
    """Near-duplicate threshold: exact shingle Jaccard a candidate pair needs to be linked."""

    threshold: float = DEFAULT_THRESHOLD


def _spec(name: str, group: str, description: str, previous: str | None) -> dg.AssetSpec:
    return dg.AssetSpec(
        name,
        group_name=group,
        description=description,
        deps=[previous] if previous else [],
        partitions_def=dumps_partitions,
        kinds={"duckdb"},
        code_version=enrichment_version() if name == "entity_mentions" else None,
    )


SPECS = [
    _spec(name, group, text, DUMP_ASSET_KEYS[i - 1][0] if i else None)
    for i, (name, group, text) in enumerate(DUMP_ASSET_KEYS)
]


@dg.multi_asset(
    specs=SPECS,
    check_specs=DUMP_CHECK_SPECS,
    partitions_def=dumps_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    pool=WAREHOUSE_POOL,
    can_subset=True,
)
def dump_assets(
    context: dg.AssetExecutionContext,
    config: DumpLoadConfig,
    landing: LandingResource,
    warehouse: WarehouseResource,
) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
    """Load the run's dumps: map on every core, merge in batches; or re-enrich entities alone."""
    from pipelines.merge.loader import load_dumps

    keys = list(context.partition_keys)
    selected = {key.to_user_string() for key in context.selected_asset_keys}
    if selected == {"entity_mentions"}:
        yield from _reenrich(context, warehouse, keys)
        return
    if selected != {name for name, _, _ in DUMP_ASSET_KEYS}:
        raise dg.Failure("select every dump asset, or entity_mentions alone to re-enrich")
    sources = [landing.dump_source(key) for key in keys]
    workers = map_workers(sum(s.bytes for s in sources))
    context.log.info(f"loading {len(sources)} dumps on {workers} worker process(es)")
    report = load_dumps(
        Path(warehouse.database), sources, workers=workers, threshold=config.threshold,
        progress=lambda event, data: _log_progress(context, event, data),
    )  # fmt: skip
    if report.failed:
        # A run covers a range of partitions, and its outputs all of them: record the dumps
        # that did merge one by one, so only the failed ones show as missing (and are retried).
        for dump in report.merged:
            for name, _, _ in DUMP_ASSET_KEYS:
                context.log_event(
                    dg.AssetMaterialization(
                        asset_key=name, partition=dump.dump_file, metadata=_dump_metadata(dump)
                    )
                )
        failures = "; ".join(f"{dump}: {error}" for dump, error in report.failed)
        raise dg.Failure(
            f"{len(report.failed)} of {len(keys)} dumps failed ({len(report.merged)} merged "
            f"and recorded): {failures}"
        )
    for name, _, _ in DUMP_ASSET_KEYS:
        yield dg.MaterializeResult(asset_key=name, metadata=_metadata(name, report))
    stop_workers()  # hundreds of MB of word caches each; the checks need none
    yield from _batch_checks(warehouse, keys)


def _batch_checks(
    warehouse: WarehouseResource, keys: list[str], only_asset: str | None = None
) -> list[dg.AssetCheckResult]:
    """The checks over what the batch touched, read in bounded parts (pipelines/checks.py)."""
    return warehouse.bounded(lambda con: list(batch_check_results(con, keys, only_asset)))


def _reenrich(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource, keys: list[str]
) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
    from pipelines.merge.enrich import reenrich_entities

    counts: dict[str, Any] = {}
    with warehouse.open() as con:
        for key in keys:
            for name, value in reenrich_entities(con, key, map_workers(0)).items():
                if isinstance(value, dict):
                    counts[name] = _sum_counters([counts.get(name, {}), value])
                else:
                    counts[name] = counts.get(name, 0) + value
    context.log.info(f"re-enriched {counts.get('articles_enriched', 0):,} articles")
    yield dg.MaterializeResult(asset_key="entity_mentions", metadata=counts)
    yield from _batch_checks(warehouse, keys, only_asset="entity_mentions")


def _log_progress(context: dg.AssetExecutionContext, event: str, data: dict[str, Any]) -> None:
    progress.report(event, data)
    if event == "merged":
        context.log.info(f"merged {len(data['dumps'])} dumps, last {data['last']}")
    elif event == "failed":
        context.log.error(f"{data['dump_file']}: {data['error']}")
    elif event == "merge_memory":
        from pipelines.merge.loader import merge_memory_message

        context.log.warning(merge_memory_message(data))


def _metadata(name: str, report: "LoadReport") -> dict[str, Any]:
    """Per asset: its counts over the run's dumps; stage seconds on `articles`."""
    chunks = [chunk for dump in report.merged for chunk in dump.chunks]
    rejected: dict[str, int] = {}
    for chunk in chunks:
        for key, count in chunk.rejected.items():
            rejected[key] = rejected.get(key, 0) + count
    ingest = sum(d.ingest_rejected for d in report.merged)
    by_stage = {
        stage: {k.split(":", 1)[1]: v for k, v in rejected.items() if k.startswith(stage + ":")}
        for stage in ("validate", "clean")
    }
    if name == "raw_records":
        return {
            "dumps": len(report.merged),
            "records_read": report.records_read,
            "records_quarantined": ingest,
            "formats": sorted({d.format for d in report.merged}),
        }
    if name in ("validated_records", "cleaned_records"):
        stage = "validate" if name == "validated_records" else "clean"
        meta: dict[str, Any] = {
            "records_quarantined": sum(by_stage[stage].values()),
            "quarantined_by_reason": by_stage[stage],
        }
        if stage == "clean":
            meta["records_cleaned"] = sum(c.cleaned for c in chunks)
            meta["languages"] = _sum_counters(c.languages for c in chunks)
            meta["removed_by_kind"] = _sum_counters(c.removed for c in chunks)
        return meta
    if name == "articles":
        return {
            "dagster/row_count": sum(c.cleaned for c in chunks),
            "seconds_per_stage": dg.MetadataValue.json(
                {k: [round(w, 2), round(c, 2)] for k, (w, c) in report.seconds.items()}
            ),
            "merges": len(report.merges),
            "wall_seconds": round(report.wall_seconds, 2),
        }
    keys = {
        "article_clusters": ("count_new_links", "count_near_members"),
        "entity_mentions": ("entity_articles_enriched", "entity_articles_reread"),
        "date_mentions": ("date_mentions_staged", "date_mentions_reread"),
    }[name]
    totals: dict[str, Any] = {key: sum(int(m.get(key, 0)) for m in report.merges) for key in keys}
    if name == "entity_mentions":  # as quarantined_by_reason: the linking rules' names
        for outcome in ("unlinked", "dropped"):
            found = (m.get(f"entity_mentions_{outcome}_by_reason", {}) for m in report.merges)
            totals[f"{outcome}_by_reason"] = _sum_counters(found)
    return totals


def _dump_metadata(dump: "StagedDump") -> dict[str, Any]:
    """The counts of one merged dump, for its materializations in a run that partly failed."""
    return {
        "records_read": dump.records_read,
        "records_cleaned": sum(c.cleaned for c in dump.chunks),
        "format": dump.format,
    }


def _sum_counters(counters: Iterable[Any]) -> dict[str, int]:
    total: dict[str, int] = {}
    for counter in counters:
        for key, count in counter.items():
            total[key] = total.get(key, 0) + count
    return total
