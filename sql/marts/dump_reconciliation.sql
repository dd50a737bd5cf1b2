/* ---
description: Per dump, records read, loaded and quarantined, and whether they add up.
columns:
  dump_file: Dump path relative to the landing folder (the partition key).
  format: Detected file format (jsonl, json_array, csv, tsv, parquet, text, text_list, html, warc; binary for content that is not text).
  compression: Detected compression (gzip, bz2, zstd, zip member...), NULL when none.
  encoding: Detected text encoding of the dump.
  bytes: Size of the dump file in bytes.
  sha256: SHA-256 of the dump version loaded last.
  records_read: Records read from the dump.
  records_loaded: Records loaded as article sightings.
  records_quarantined: Records rejected to quarantine.rejected_records.
  count_articles: Distinct articles the dump's sightings point to.
  rejected_by_reason: Map of reject reason to quarantined record count (NULL when none).
  is_reconciled: True when records_read = records_loaded + records_quarantined.
  first_processed_at: When the dump was first processed.
  last_processed_at: When the dump was last processed.
--- */
-- One row per dump: where every record went, and whether the counts add up.
CREATE OR REPLACE TABLE marts.dump_reconciliation AS
WITH dumps AS (
    SELECT * FROM ops.dump_files
),
sightings AS (
    SELECT dump_file, count(*) AS count_sightings, count(DISTINCT article_id) AS count_articles
    FROM core.article_sightings
    GROUP BY dump_file
),
rejected AS (
    SELECT dump_file, sum(n)::BIGINT AS count_rejected,
           map_from_entries(list((reject_reason, n) ORDER BY reject_reason)) AS rejected_by_reason
    FROM (
        SELECT dump_file, reject_reason, count(*) AS n
        FROM quarantine.rejected_records
        GROUP BY dump_file, reject_reason
    )
    GROUP BY dump_file
)
SELECT
    d.dump_file,
    d.format,
    d.compression,
    d.encoding,
    d.bytes,
    d.sha256,
    d.records_read,
    coalesce(s.count_sightings, 0) AS records_loaded,
    coalesce(r.count_rejected, 0) AS records_quarantined,
    coalesce(s.count_articles, 0) AS count_articles,
    r.rejected_by_reason,
    d.records_read = coalesce(s.count_sightings, 0) + coalesce(r.count_rejected, 0)
        AS is_reconciled,
    d.first_processed_at,
    d.last_processed_at
FROM dumps AS d
LEFT JOIN sightings AS s USING (dump_file)
LEFT JOIN rejected AS r USING (dump_file)
ORDER BY d.dump_file
