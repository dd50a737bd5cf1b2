/* ---
description: The 20 most mentioned entities of each type per publication week (canonical articles).
columns:
  week_date: Monday of the ISO week in which the articles were published.
  entity_type: PER, ORG, GPE, LOC or MISC.
  rank_in_week: 1 for the entity named in most articles of that week and type.
  entity_id: Stable entity id.
  entity_name: Display name of the entity.
  count_articles: Canonical articles of the week naming it.
  count_mentions: Its mentions in those articles.
--- */
-- Top entities per week and type, ranked by articles naming them (ties: more mentions, then id).
CREATE OR REPLACE TABLE marts.top_entities_weekly AS
WITH canonical_articles AS (
    SELECT
        article_id,
        CAST(date_trunc('week', core.article_day(published_at, first_seen_at)) AS DATE) AS week_date
    FROM core.articles
    WHERE is_canonical
),
weekly AS (
    SELECT
        a.week_date,
        m.entity_id,
        count(DISTINCT m.article_id) AS count_articles,
        count(*) AS count_mentions
    FROM core.entity_mentions AS m
    JOIN canonical_articles AS a USING (article_id)
    GROUP BY ALL
),
ranked AS (
    SELECT
        weekly.*,
        e.entity_type,
        e.name AS entity_name,
        row_number() OVER (
            PARTITION BY weekly.week_date, e.entity_type
            ORDER BY weekly.count_articles DESC, weekly.count_mentions DESC, weekly.entity_id
        ) AS rank_in_week
    FROM weekly
    JOIN core.entities AS e USING (entity_id)
)
SELECT
    week_date, entity_type, rank_in_week, entity_id, entity_name, count_articles, count_mentions
FROM ranked
WHERE rank_in_week <= 20
ORDER BY week_date, entity_type, rank_in_week
