-- Entities the given articles, and touched articles that no longer exist, name before
-- re-enrichment (their display names may change when those mentions go).
SELECT DISTINCT entity_id
FROM core.entity_mentions
WHERE article_id IN (SELECT unnest($article_ids))
    OR article_id IN (SELECT article_id FROM touched_articles ANTI JOIN core.articles USING (article_id))
