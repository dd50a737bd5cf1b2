-- Mentions of the articles the batch rebuilt or re-reads, and of touched articles that no longer
-- exist (an article only goes when a dump that held it is reloaded: it is among the touched).
DELETE FROM core.date_mentions
WHERE article_id IN (
        SELECT article_id FROM core.article_sightings SEMI JOIN batch_dumps USING (dump_file)
    )
    OR article_id IN (SELECT article_id FROM touched_articles ANTI JOIN core.articles USING (article_id))
