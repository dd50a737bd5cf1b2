-- One row per dump, stage and reject reason: what to fix upstream.
CREATE OR REPLACE TABLE marts.quarantine_reasons AS
WITH rejected AS (
    SELECT * FROM quarantine.rejected_records
)
SELECT
    dump_file,
    stage,
    reject_reason,
    count(*) AS count_records,
    min(record_locator) AS example_locator,
    any_value(reject_detail) AS example_detail
FROM rejected
GROUP BY ALL
ORDER BY dump_file, stage, reject_reason
