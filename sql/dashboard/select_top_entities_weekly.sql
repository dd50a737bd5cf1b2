-- Mentions per day of the week's most-mentioned entities (the week ending on the latest day seen).
WITH mentions AS (
    SELECT e.entity_id, e.name || ' (' || e.entity_type || ')' AS entity,
           coalesce(CAST(a.published_at AS DATE), CAST(a.first_seen_at AS DATE)) AS day
    FROM core.entity_mentions AS m
    JOIN core.entities AS e USING (entity_id)
    JOIN core.articles AS a USING (article_id)
),
week AS (SELECT max(day) - INTERVAL 6 DAY AS first_day FROM mentions),
top AS (
    SELECT entity_id, count(*) AS n FROM mentions, week WHERE day >= first_day
    GROUP BY entity_id ORDER BY n DESC, entity_id LIMIT $limit
)
SELECT m.entity, CAST(m.day AS DATE) AS day, count(*) AS mentions
FROM mentions AS m JOIN top USING (entity_id), week
WHERE m.day >= week.first_day - INTERVAL 21 DAY
GROUP BY ALL
ORDER BY day, entity
