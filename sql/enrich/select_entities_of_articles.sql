-- Entities the given articles, and articles that no longer exist, name before re-enrichment
-- (their display names may change when those mentions go).
SELECT DISTINCT entity_id
FROM core.entity_mentions
WHERE article_id IN (SELECT unnest($article_ids))
    OR article_id NOT IN (SELECT article_id FROM core.articles)
