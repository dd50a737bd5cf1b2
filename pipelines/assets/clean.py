"""Clean: strip boilerplate and artefacts, parse dates, detect language, derive identity."""

from collections import Counter

import dagster as dg

from pipelines.clean.parallel import clean_batches
from pipelines.ingest.frames import count_reasons, rejected_records_table
from pipelines.partitions import WAREHOUSE_POOL, dumps_partitions
from pipelines.resources import WarehouseResource
from pipelines.settings import CLEAN_BATCH_SIZE, clean_workers
from pipelines.warehouse import fetch_rows, insert_batch, iter_row_batches, run, transaction


@dg.asset(
    partitions_def=dumps_partitions,
    group_name="clean",
    pool=WAREHOUSE_POOL,
    deps=["validated_records"],
    kinds={"python", "duckdb"},
)
def cleaned_records(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    """Valid records of one dump with clean text, publication date, language and article_id."""
    key = {"dump_file": context.partition_key}
    cleaned, removed, rejected = 0, Counter[str](), Counter[str]()
    languages: Counter[str] = Counter()
    preview: list[dict[str, str]] = []
    with warehouse.open() as con, transaction(con):
        run(con, "load/delete_cleaned_records_partition", key)
        run(con, "load/delete_rejected_records_partition", {**key, "stage": "clean"})
        count = fetch_rows(con, "load/count_valid_records_partition", key)[0][0]
        workers = clean_workers(count)
        context.log.info(f"cleaning {count:,} records on {workers} process(es)")
        record_batches = iter_row_batches(
            con, "load/select_valid_records_partition", key, CLEAN_BATCH_SIZE
        )
        for batch in clean_batches(record_batches, context.partition_key, workers):
            insert_batch(con, "load/insert_cleaned_records", batch.table())
            if batch.rejections and batch.seen_at is not None:
                insert_batch(
                    con,
                    "load/insert_rejected_records",
                    rejected_records_table(
                        batch.rejections, context.partition_key, "clean", batch.seen_at
                    ),
                )
            cleaned += len(batch.rows)
            removed.update(batch.removed)
            rejected.update(count_reasons(batch.rejections))
            languages.update(str(row["language"]) for row in batch.rows)
            preview.extend(_preview_row(row) for row in batch.rows[: 5 - len(preview)])
    return dg.MaterializeResult(
        metadata={
            "records_cleaned": cleaned,
            "records_quarantined": sum(rejected.values()),
            "quarantined_by_reason": dict(rejected),
            "removed_by_kind": dict(removed),
            "languages": dict(languages),
            "preview": dg.MetadataValue.md(_markdown_table(preview)),
        }
    )


def _preview_row(row: dict[str, object]) -> dict[str, str]:
    return {
        "article_id": str(row["article_id"]),
        "language": str(row["language"]),
        "published_at": str(row["published_at"]),
        "title": str(row["title"] or "")[:80],
    }


def _markdown_table(rows: list[dict[str, str]]) -> str:
    if not rows:
        return "(no rows)"
    header = list(rows[0])
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r[c].replace("|", "/") for c in header) + " |" for r in rows]
    return "\n".join(lines)
