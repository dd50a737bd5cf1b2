"""Which date and entity mentions the merged articles keep: staged ones, or found again here."""

from __future__ import annotations

from typing import Any

import duckdb

from pipelines.enrich.dates.batch import mention_tables
from pipelines.enrich.entities import current_versions
from pipelines.enrich.entities.batch import Tables, entity_table_batches
from pipelines.settings import ENTITY_BATCH_SIZE, PARALLEL_ENTITY_MIN_ARTICLES
from pipelines.warehouse import fetch_rows, insert_batch, run, transaction


def merge_date_mentions(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Date mentions of the batch's articles: the staged ones of the sightings they were rebuilt
    from; articles whose row comes from an earlier dump are read again here (rare)."""
    run(con, "merge/delete_date_mentions")
    staged = run(con, "merge/insert_rebuilt_date_mentions").fetchone()
    ids = [article_id for (article_id,) in fetch_rows(con, "merge/select_reread_date_article_ids")]
    articles = []
    if ids:
        found = run(con, "merge/select_reread_date_articles", {"article_ids": ids})
        articles = found.to_arrow_table().to_pylist()
    reread = 0
    for table in mention_tables(_batches(articles, ENTITY_BATCH_SIZE), 1):
        reread += insert_batch(con, "enrich/insert_date_mentions", table)
    return {
        "date_mentions_staged": int(staged[0]) if staged else 0,
        "date_mentions_reread": reread,
        "date_articles_reread": len(articles),
    }


def merge_entity_mentions(con: duckdb.DuckDBPyConnection, workers: int) -> dict[str, Any]:
    """Entity mentions of the batch's articles whose enrichment is missing or out of date."""
    current = current_versions()
    stale = fetch_rows(con, "merge/select_stale_entity_articles", current)
    wanted_ids = [article_id for article_id, _ in stale]
    wanted = {"article_ids": wanted_ids} | current
    staged_ids = [article_id for article_id, is_staged in stale if is_staged]
    staged = {"article_ids": staged_ids}
    named = fetch_rows(con, "merge/select_entities_of_articles", wanted)
    run(con, "merge/delete_entity_mentions", wanted)
    run(con, "merge/delete_dropped_entity_mentions", wanted)
    run(con, "merge/delete_entity_enrichments", wanted)
    run(con, "merge/insert_rebuilt_entity_mentions", staged)
    run(con, "merge/insert_rebuilt_dropped_entity_mentions", staged)
    entities = run(con, "merge/select_rebuilt_entities", staged).to_arrow_table()
    insert_batch(con, "enrich/insert_new_entities", entities)
    insert_batch(con, "enrich/update_linked_entities", entities)
    unstaged = set(wanted_ids) - set(staged_ids)
    if unstaged:
        rows = run(con, "enrich/select_articles_for_entities", {"article_ids": sorted(unstaged)})
        articles = rows.to_arrow_table().to_pylist()
        for tables in entity_table_batches(_batches(articles, ENTITY_BATCH_SIZE), workers):
            _insert_entity_tables(con, tables)
    run(con, "enrich/insert_entity_enrichments", wanted)
    touched = {"entity_ids": [entity_id for (entity_id,) in named]}
    run(con, "enrich/update_entity_names", wanted | touched)
    by_type = dict(fetch_rows(con, "merge/count_entity_mentions_by_type", wanted))
    return {
        "entity_articles_enriched": len(wanted_ids),
        "entity_articles_reread": len(unstaged),
        "entity_mentions_by_type": by_type,
    } | {f"entity_mentions_{k}": v for k, v in _count_by_reason(con, wanted).items()}


def _count_by_reason(con: duckdb.DuckDBPyConnection, wanted: dict[str, Any]) -> dict[str, Any]:
    """Mentions of the given articles left unlinked, and spans dropped, by the rule's name."""
    rows = fetch_rows(con, "merge/count_entity_mentions_by_reason", wanted)
    return {
        f"{outcome}_by_reason": {reason: n for kind, reason, n in rows if kind == outcome}
        for outcome in ("unlinked", "dropped")
    }


def _insert_entity_tables(con: duckdb.DuckDBPyConnection, tables: Tables) -> int:
    """A batch's entity tables into core; returns how many mentions it found."""
    insert_batch(con, "enrich/insert_new_entities", tables.entities)
    insert_batch(con, "enrich/update_linked_entities", tables.entities)
    insert_batch(con, "enrich/insert_dropped_entity_mentions", tables.dropped)
    return insert_batch(con, "enrich/insert_entity_mentions", tables.mentions)


def _batches(rows: list[dict[str, Any]], size: int) -> list[list[dict[str, Any]]]:
    return [rows[start : start + size] for start in range(0, len(rows), size)]


def reenrich_entities(
    con: duckdb.DuckDBPyConnection, dump_file: str, workers: int
) -> dict[str, Any]:
    """Find the entities again of a dump's articles enriched with another model, code or text."""
    key = {"dump_file": dump_file}
    found = 0
    with transaction(con):
        current = current_versions()
        stale = fetch_rows(con, "enrich/select_stale_entity_articles", key | current)
        wanted = {"article_ids": [article_id for (article_id,) in stale]} | current
        named = fetch_rows(con, "enrich/select_entities_of_articles", wanted)
        run(con, "enrich/delete_entity_mentions_articles", wanted)
        run(con, "enrich/delete_dropped_entity_mentions_articles", wanted)
        run(con, "enrich/delete_entity_enrichments_articles", wanted)
        rows = run(con, "enrich/select_articles_for_entities", wanted).to_arrow_table().to_pylist()
        workers = workers if len(rows) >= PARALLEL_ENTITY_MIN_ARTICLES else 1
        for tables in entity_table_batches(_batches(rows, ENTITY_BATCH_SIZE), workers):
            found += _insert_entity_tables(con, tables)
        run(con, "enrich/insert_entity_enrichments", wanted)
        touched = {"entity_ids": [entity_id for (entity_id,) in named]}
        run(con, "enrich/update_entity_names", wanted | touched)
        by_reason = _count_by_reason(con, wanted)
    return {"articles_enriched": len(stale), "mentions_found": found} | by_reason
