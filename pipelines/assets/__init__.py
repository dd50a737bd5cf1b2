"""Every asset of the code location, in pipeline order: add a new stage's asset here only."""

from pipelines.assets.clean import cleaned_records
from pipelines.assets.dedup import article_clusters
from pipelines.assets.enrich_dates import date_mentions
from pipelines.assets.enrich_entities import entity_mentions
from pipelines.assets.ingest import raw_records
from pipelines.assets.load import articles
from pipelines.assets.marts import mart_assets
from pipelines.assets.publish import dashboard, published_snapshot, quality_gate
from pipelines.assets.sources import sources
from pipelines.assets.validate import validated_records

# Partitioned by dump: materialized together for each new or changed dump.
DUMP_ASSETS = [
    raw_records,
    validated_records,
    cleaned_records,
    articles,
    article_clusters,
    entity_mentions,
    date_mentions,
]
# Unpartitioned: rebuilt after loads (automation) and daily (schedule).
MART_ASSETS = [sources, *mart_assets]
# Unpartitioned, after the marts: gate -> publish -> dashboard (daily schedule and CLI run).
PUBLISH_ASSETS = [quality_gate, published_snapshot, dashboard]
