-- Run on the snapshot file itself, after the copy.
-- BI views: SQLAlchemy dialects (Superset's path) cannot reflect LIST or MAP columns.
CREATE SCHEMA IF NOT EXISTS bi;

CREATE OR REPLACE VIEW bi.stories AS
SELECT
    cluster_id, canonical_article_id, canonical_title, canonical_url, language,
    array_to_string(sources, ', ') AS sources,
    count_articles, count_sources, first_published_at, last_published_at, first_seen_at,
    last_seen_at, is_multi_article
FROM marts.stories;

CREATE OR REPLACE VIEW bi.dump_reconciliation AS
SELECT
    dump_file, format, compression, encoding, bytes, sha256, records_read, records_loaded,
    records_quarantined, count_articles,
    (
        SELECT string_agg(e.key || ': ' || e.value, ', ' ORDER BY e.value DESC, e.key)
        FROM (SELECT unnest(map_entries(rejected_by_reason), recursive := true)) AS e
    ) AS rejected_by_reason,
    is_reconciled, first_processed_at, last_processed_at
FROM marts.dump_reconciliation;

CREATE OR REPLACE VIEW bi.quarantine_reasons AS
SELECT stage, reject_reason, sum(count_records)::BIGINT AS count_records,
       count(DISTINCT dump_file) AS count_dumps
FROM marts.quarantine_reasons
GROUP BY ALL
ORDER BY count_records DESC, stage, reject_reason;
