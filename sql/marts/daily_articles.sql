-- One row per publication day, source and language: volume for dashboards.
CREATE OR REPLACE TABLE marts.daily_articles AS
WITH articles AS (
    SELECT * FROM core.articles
),
dated AS (
    SELECT
        coalesce(CAST(published_at AS DATE), CAST(first_seen_at AS DATE)) AS article_date,
        published_at IS NULL AS is_date_from_sighting,
        coalesce(source, 'unknown') AS source,
        coalesce(language, 'und') AS language,
        is_canonical,
        count_sightings
    FROM articles
)
SELECT
    article_date,
    source,
    language,
    count(*) AS count_articles,
    count(*) FILTER (WHERE is_canonical) AS count_stories,
    CAST(sum(count_sightings) AS BIGINT) AS count_sightings,
    count(*) FILTER (WHERE is_date_from_sighting) AS count_undated_articles
FROM dated
GROUP BY ALL
ORDER BY article_date, source, language
