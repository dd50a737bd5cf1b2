-- Articles per publication day (first sighting when undated), source and language.
SELECT
    coalesce(CAST(published_at AS DATE), CAST(first_seen_at AS DATE)) AS day,
    coalesce(source, 'unknown') AS source,
    coalesce(language, 'und') AS language,
    count(*) AS articles
FROM core.articles
GROUP BY ALL
ORDER BY day, source, language
