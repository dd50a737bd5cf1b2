-- Dumps (those named in `$dump_files`, or all when NULL) whose records are not each in exactly
-- one place.
WITH placed AS (
    SELECT dump_file, record_index FROM core.article_sightings
    WHERE ($dump_files IS NULL OR dump_file IN (SELECT unnest($dump_files)))
    UNION ALL
    SELECT dump_file, record_index FROM quarantine.rejected_records
    WHERE ($dump_files IS NULL OR dump_file IN (SELECT unnest($dump_files)))
),

per_dump AS (
    SELECT
        d.dump_file,
        d.records_read,
        count(p.record_index) AS count_placed,
        count(DISTINCT p.record_index) AS count_distinct_placed
    FROM ops.dump_files AS d
    LEFT JOIN placed AS p USING (dump_file)
    WHERE ($dump_files IS NULL OR d.dump_file IN (SELECT unnest($dump_files)))
    GROUP BY d.dump_file, d.records_read
)

SELECT dump_file, records_read, count_placed, count_distinct_placed
FROM per_dump
WHERE records_read <> count_placed OR count_placed <> count_distinct_placed
ORDER BY dump_file
