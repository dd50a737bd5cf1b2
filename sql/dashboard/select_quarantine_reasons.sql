-- Quarantined records per stage and reason over every dump, most frequent first.
SELECT stage || ': ' || reject_reason AS reason, sum(count_records)::BIGINT AS records,
       count(DISTINCT dump_file) AS dumps
FROM marts.quarantine_reasons
GROUP BY ALL
ORDER BY records DESC, reason
LIMIT $limit
