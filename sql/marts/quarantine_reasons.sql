/* ---
description: Quarantined records per dump, stage and reason, with an example.
columns:
  dump_file: Dump path relative to the landing folder.
  stage: Pipeline stage that rejected the records (ingest, validate, clean).
  reject_reason: Machine-readable reject reason.
  count_records: Records rejected for this reason.
  example_locator: Locator (line, row, member) of one rejected record, to find it in the dump.
  example_detail: Human-readable detail of one rejection.
--- */
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
