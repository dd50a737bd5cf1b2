-- Articles per publication day (first sighting when undated) and language, over the last
-- $days days of data: a few outliers years back must not squeeze the recent days into slivers.
WITH days AS (
    SELECT core.article_day(published_at, first_seen_at) AS day, coalesce(language, 'und') AS language
    FROM core.articles
)
SELECT day, language, count(*) AS articles
FROM days
WHERE day > (SELECT max(day) FROM days) - $days
GROUP BY ALL
ORDER BY day, language
