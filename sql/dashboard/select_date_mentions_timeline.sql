-- Mentioned periods per month they start in (day, week and month mentions; a bare year would
-- pile onto January), over the years the news mostly talks about.
WITH mentions AS (
    SELECT CAST(date_trunc('month', resolved_start) AS DATE) AS month, is_relative
    FROM core.date_mentions
    WHERE resolved_start IS NOT NULL AND granularity <> 'year'
),
bounds AS (
    SELECT quantile_disc(month, 0.02) AS first_month, quantile_disc(month, 0.98) AS last_month
    FROM mentions
)
SELECT
    month,
    CASE WHEN is_relative THEN 'relative (yesterday, last June)' ELSE 'explicit date' END AS kind,
    count(*) AS mentions
FROM mentions, bounds
WHERE month BETWEEN first_month AND last_month
GROUP BY ALL
ORDER BY month, kind
