-- Template: {target} is the snapshot's quarantine table. Analysts see what was rejected and why;
-- the raw text is capped, and only kept for dumps inside the landing folder (a relative path
-- without `..`): a file given by absolute path may be anybody's.
CREATE OR REPLACE TABLE {target} AS
SELECT
    dump_file,
    record_index,
    record_locator,
    stage,
    reject_reason,
    reject_detail,
    CASE
        WHEN dump_file NOT LIKE '/%' AND dump_file NOT LIKE '%:%'
            AND NOT list_contains(string_split(dump_file, '/'), '..')
        THEN left(raw_record, $max_raw_chars)
    END AS raw_record,
    length(raw_record) AS raw_record_chars,
    rejected_at
FROM quarantine.rejected_records
