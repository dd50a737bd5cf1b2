-- Staged entities named by the mentions just inserted for the given articles.
SELECT * FROM staged_entities
WHERE entity_id IN (
    SELECT entity_id FROM core.entity_mentions WHERE article_id IN (SELECT unnest($article_ids))
)
ORDER BY entity_id
