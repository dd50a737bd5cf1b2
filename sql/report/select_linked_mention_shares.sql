-- Per article language and mention type (PER, ORG): mentions, and how many name an entity
-- with a cross-language id (linked through the crosswalk or the gazetteer: `per:vladimir putin`,
-- `cldr:UN`), with the share.
SELECT
    a.language,
    m.entity_type,
    count(*) AS mentions,
    count(*) FILTER (WHERE e.is_linked) AS linked_mentions,
    round(count(*) FILTER (WHERE e.is_linked) / count(*), 3) AS linked_share
FROM core.entity_mentions AS m
JOIN core.articles AS a USING (article_id)
JOIN core.entities AS e USING (entity_id)
WHERE m.entity_type IN ('PER', 'ORG')
GROUP BY ALL
ORDER BY a.language, m.entity_type
