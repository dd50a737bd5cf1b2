-- Raw records of a dump that passed validation.
WITH rejected AS (
    SELECT record_index
    FROM quarantine.rejected_records
    WHERE dump_file = $dump_file AND stage = 'validate'
)
SELECT
    r.record_index, r.record_locator, r.dump_format, r.title, r.body, r.url,
    r.published_at_raw, r.published_at_source, r.language, r.authors, r.source, r.ingested_at
FROM raw.records AS r
ANTI JOIN rejected USING (record_index)
WHERE r.dump_file = $dump_file
ORDER BY r.record_index
