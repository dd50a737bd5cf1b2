-- Quarantined records per day the dump was first processed, by reject reason.
SELECT
    CAST(d.first_processed_at AS DATE) AS day,
    q.stage || ': ' || q.reject_reason AS reason,
    CAST(sum(q.count_records) AS BIGINT) AS records
FROM marts.quarantine_reasons AS q
JOIN marts.dump_reconciliation AS d USING (dump_file)
GROUP BY ALL
ORDER BY day, reason
