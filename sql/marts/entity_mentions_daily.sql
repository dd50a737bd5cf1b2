/* ---
description: Mentions of each named entity per publication day, outlet and language (canonical stories only).
columns:
  mention_date: Publication day of the mentioning articles (first sighting day when undated).
  entity_id: Stable entity id (iso:RU, geonames:1871859, cldr:UN, per:<name key>, org:<name key>).
  entity_type: PER, ORG, GPE (country or city), LOC or MISC.
  entity_name: Display name of the entity (English gazetteer name or most frequent surface).
  source_id: Outlet of the mentioning articles (core.sources; 'unknown' when absent).
  language: ISO 639-1 language of the mentioning articles ('und' when unknown).
  count_mentions: Mentions of the entity in those articles (title and body).
  count_articles: Distinct canonical articles mentioning it.
--- */
-- Entity mentions per day, outlet and language: the time series analysts query most.
CREATE OR REPLACE TABLE marts.entity_mentions_daily AS
WITH canonical_articles AS (
    SELECT
        article_id,
        core.article_day(published_at, first_seen_at) AS mention_date,
        coalesce(source_id, 'unknown') AS source_id,
        coalesce(language, 'und') AS language
    FROM core.articles
    WHERE is_canonical
),
mentions AS (
    SELECT m.article_id, m.entity_id, a.mention_date, a.source_id, a.language
    FROM core.entity_mentions AS m
    JOIN canonical_articles AS a USING (article_id)
)
SELECT
    mentions.mention_date,
    mentions.entity_id,
    e.entity_type,
    e.name AS entity_name,
    mentions.source_id,
    mentions.language,
    count(*) AS count_mentions,
    count(DISTINCT mentions.article_id) AS count_articles
FROM mentions
JOIN core.entities AS e USING (entity_id)
GROUP BY ALL
ORDER BY mention_date, entity_id, source_id, language
