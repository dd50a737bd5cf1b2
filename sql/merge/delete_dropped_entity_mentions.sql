-- Dropped spans of the articles about to be re-enriched, and of touched articles that no longer
-- exist.
DELETE FROM core.dropped_entity_mentions
WHERE article_id IN (SELECT unnest($article_ids))
    OR article_id IN (SELECT article_id FROM touched_articles ANTI JOIN core.articles USING (article_id))
