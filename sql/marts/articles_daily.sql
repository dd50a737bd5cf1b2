/* ---
description: Stories (canonical articles only) per publication day, outlet (source_id) and language.
columns:
  article_date: Publication day (UTC) of the story's canonical article; the day it was first seen when it has no publication date.
  source_id: Outlet of the canonical article (core.sources; 'unknown' when the record named none and had no URL).
  source_name: Display name of the outlet (core.sources.name).
  language: ISO 639-1 language code detected from the text ('und' when undetermined).
  count_stories: Canonical articles (one per story cluster) with this day, outlet and language.
  count_sightings: Times these canonical articles were seen across all dumps.
  count_undated_stories: Stories dated by their first sighting because they carry no publication date.
  count_weakly_dated_stories: Stories dated only by their URL or crawl time, or with an ambiguous day/month order.
--- */
-- One row per publication day, outlet and language, counting each story once.
CREATE OR REPLACE TABLE marts.articles_daily AS
WITH canonical_articles AS (
    SELECT * FROM core.articles WHERE is_canonical
),
dated AS (
    SELECT
        core.article_day(a.published_at, a.first_seen_at) AS article_date,
        a.published_at IS NULL AS is_undated,
        a.published_at_source IN ('url', 'crawl') OR coalesce(a.is_published_at_ambiguous, false)
            AS is_weakly_dated,
        coalesce(a.source_id, 'unknown') AS source_id,
        coalesce(s.name, a.source_id, 'unknown') AS source_name,
        coalesce(a.language, 'und') AS language,
        a.count_sightings
    FROM canonical_articles AS a
    LEFT JOIN core.sources AS s USING (source_id)
)
SELECT
    article_date,
    source_id,
    source_name,
    language,
    count(*) AS count_stories,
    CAST(sum(count_sightings) AS BIGINT) AS count_sightings,
    count(*) FILTER (WHERE is_undated) AS count_undated_stories,
    count(*) FILTER (WHERE is_weakly_dated) AS count_weakly_dated_stories
FROM dated
GROUP BY ALL
ORDER BY article_date, source_id, language
