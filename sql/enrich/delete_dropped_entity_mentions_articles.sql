-- Dropped spans of the articles about to be re-enriched, and of articles that no longer exist.
DELETE FROM core.dropped_entity_mentions
WHERE article_id IN (SELECT unnest($article_ids))
    OR article_id NOT IN (SELECT article_id FROM core.articles)
