-- How many date mentions in article text resolve to each calendar day (start of the mention).
SELECT CAST(resolved_start AS DATE) AS day, count(*) AS mentions
FROM core.date_mentions
WHERE resolved_start IS NOT NULL
GROUP BY ALL
ORDER BY day
