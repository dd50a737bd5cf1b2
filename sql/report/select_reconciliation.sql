WITH dumps AS (
    SELECT dump_file, format, records_read FROM ops.dump_files
),
loaded AS (
    SELECT dump_file, count(*) AS records_loaded FROM core.article_sightings GROUP BY dump_file
),
quarantined AS (
    SELECT dump_file, count(*) AS records_quarantined,
           string_agg(DISTINCT reject_reason, ',' ORDER BY reject_reason) AS reasons
    FROM quarantine.rejected_records
    GROUP BY dump_file
)
SELECT
    d.dump_file,
    d.format,
    d.records_read,
    coalesce(l.records_loaded, 0) AS records_loaded,
    coalesce(q.records_quarantined, 0) AS records_quarantined,
    d.records_read = coalesce(l.records_loaded, 0) + coalesce(q.records_quarantined, 0)
        AS is_reconciled,
    coalesce(q.reasons, '') AS reject_reasons
FROM dumps AS d
LEFT JOIN loaded AS l USING (dump_file)
LEFT JOIN quarantined AS q USING (dump_file)
ORDER BY d.dump_file
