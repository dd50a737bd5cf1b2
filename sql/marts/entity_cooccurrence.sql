/* ---
description: Pairs of entities named together in at least two canonical articles of a publication week.
columns:
  week_date: Monday of the ISO week in which the articles were published.
  entity_id_a: The pair's first entity id (the smaller id).
  entity_id_b: The pair's second entity id.
  entity_name_a: Display name of the first entity.
  entity_name_b: Display name of the second entity.
  count_articles: Canonical articles of that week naming both (2 or more).
--- */
-- Which entities appear together: one row per unordered pair and week. A pair named in one article
-- only (87% of pairs on 16 SaudiNewsNet days) is left out: it says little, and keeping them made
-- this the largest table (1.2M rows of 1.6M pair sightings), the gate's memory peak and its
-- slowest suite; core.entity_mentions still answers for single articles.
CREATE OR REPLACE TABLE marts.entity_cooccurrence AS
WITH canonical_articles AS (
    SELECT
        article_id,
        CAST(date_trunc('week', core.article_day(published_at, first_seen_at)) AS DATE) AS week_date
    FROM core.articles
    WHERE is_canonical
),
article_entities AS (
    SELECT DISTINCT a.week_date, m.article_id, m.entity_id
    FROM core.entity_mentions AS m
    JOIN canonical_articles AS a USING (article_id)
),
pairs AS (
    SELECT
        x.week_date,
        x.entity_id AS entity_id_a,
        y.entity_id AS entity_id_b,
        count(*) AS count_articles
    FROM article_entities AS x
    JOIN article_entities AS y ON x.article_id = y.article_id AND x.entity_id < y.entity_id
    GROUP BY ALL
    HAVING count(*) >= 2
)
-- Names join the pairs that are kept (about one in eight), not every pair sighting.
SELECT
    pairs.week_date,
    pairs.entity_id_a,
    pairs.entity_id_b,
    ea.name AS entity_name_a,
    eb.name AS entity_name_b,
    pairs.count_articles
FROM pairs
JOIN core.entities AS ea ON ea.entity_id = pairs.entity_id_a
JOIN core.entities AS eb ON eb.entity_id = pairs.entity_id_b
ORDER BY week_date, count_articles DESC, entity_id_a, entity_id_b
