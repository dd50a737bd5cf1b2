"""The sources step: resolve every article's outlet and rebuild `core.sources`.

Few distinct (declared source, URL host) pairs exist however many articles there are, so each
pair is resolved once in Python (`pipelines.sources`, the one place the rules live) and joined
back in SQL.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from pipelines.sources import UNKNOWN, describe, load_registry, resolve
from pipelines.warehouse import fetch_rows, registered, run, run_script


def refresh_sources(con: duckdb.DuckDBPyConnection) -> int:
    """Set `core.articles.source_id` and rebuild `core.sources`; the number of outlets."""
    registry = load_registry()
    keys = fetch_rows(con, "sources/select_source_keys")
    ids = [resolve(source, host, registry) for source, host, _ in keys]
    source_keys = pa.table(
        {
            "source": pa.array([k[0] for k in keys], pa.string()),
            "host": pa.array([k[1] for k in keys], pa.string()),
            "count_articles": pa.array([k[2] for k in keys], pa.int64()),
            "source_id": pa.array(ids, pa.string()),
        }
    )
    outlets = [describe(i, registry) for i in sorted(set(ids))]
    known = {*registry.outlets, UNKNOWN}
    source_outlets = pa.table(
        {
            "source_id": pa.array([o.source_id for o in outlets], pa.string()),
            # Unregistered outlets are named in SQL after their most frequent declared spelling.
            "name": pa.array(
                [o.name if o.source_id in known else None for o in outlets], pa.string()
            ),
            "language": pa.array([o.language for o in outlets], pa.string()),
            "country_code": pa.array([o.country_code for o in outlets], pa.string()),
            "is_registered": pa.array([o.source_id in registry.outlets for o in outlets]),
        }
    )
    with registered(con, source_keys=source_keys, source_outlets=source_outlets):
        run_script(con, "sources/replace_sources")
        run(con, "sources/update_article_source_ids")
    return len(outlets)
