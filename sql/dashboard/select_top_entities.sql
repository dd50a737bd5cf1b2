-- The entities of one kind named in the most stories (canonical articles) over the last $days
-- days of data; $entity_types: the types counted together (GPE and LOC are both places).
WITH stories AS (
    SELECT article_id, core.article_day(published_at, first_seen_at) AS day
    FROM core.articles
    WHERE is_canonical
),
recent AS (
    SELECT article_id FROM stories WHERE day > (SELECT max(day) FROM stories) - $days
)
SELECT
    e.name AS entity,
    count(DISTINCT m.article_id) AS stories,
    count(*) AS mentions
FROM core.entity_mentions AS m
SEMI JOIN recent USING (article_id)
JOIN core.entities AS e USING (entity_id)
WHERE list_contains($entity_types, e.entity_type)
GROUP BY e.entity_id, e.name
ORDER BY stories DESC, mentions DESC, entity
LIMIT $limit
