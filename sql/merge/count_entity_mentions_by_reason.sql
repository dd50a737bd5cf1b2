-- Mentions of the given articles left unlinked, and spans dropped, by the rule's name.
SELECT 'unlinked' AS outcome, unlinked_reason AS reason, count(*) AS mentions
FROM core.entity_mentions
WHERE article_id IN (SELECT unnest($article_ids)) AND unlinked_reason IS NOT NULL
GROUP BY unlinked_reason
UNION ALL
SELECT 'dropped', drop_reason, count(*)
FROM core.dropped_entity_mentions
WHERE article_id IN (SELECT unnest($article_ids))
GROUP BY drop_reason
ORDER BY 1, 2
