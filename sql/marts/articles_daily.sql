/* ---
description: Stories (canonical articles only) per publication day, source and language.
columns:
  article_date: Publication day (UTC) of the story's canonical article; the day it was first seen when it has no publication date.
  source: Publishing site or outlet as cleaned from the dump ('unknown' when absent).
  language: ISO 639-1 language code detected from the text ('und' when undetermined).
  count_stories: Canonical articles (one per story cluster) with this day, source and language.
  count_sightings: Times these canonical articles were seen across all dumps.
  count_undated_stories: Stories dated by their first sighting because they carry no publication date.
  count_weakly_dated_stories: Stories dated only by their URL or crawl time, or with an ambiguous day/month order.
--- */
-- One row per publication day, source and language, counting each story once.
CREATE OR REPLACE TABLE marts.articles_daily AS
WITH canonical_articles AS (
    SELECT * FROM core.articles WHERE is_canonical
),
dated AS (
    SELECT
        core.article_day(published_at, first_seen_at) AS article_date,
        published_at IS NULL AS is_undated,
        published_at_source IN ('url', 'crawl') OR coalesce(is_published_at_ambiguous, false)
            AS is_weakly_dated,
        coalesce(source, 'unknown') AS source,
        coalesce(language, 'und') AS language,
        count_sightings
    FROM canonical_articles
)
SELECT
    article_date,
    source,
    language,
    count(*) AS count_stories,
    CAST(sum(count_sightings) AS BIGINT) AS count_sightings,
    count(*) FILTER (WHERE is_undated) AS count_undated_stories,
    count(*) FILTER (WHERE is_weakly_dated) AS count_weakly_dated_stories
FROM dated
GROUP BY ALL
ORDER BY article_date, source, language
