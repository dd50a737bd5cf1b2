-- Mentions of the articles the batch rebuilt or re-reads, and of touched articles that no longer
-- exist (an article only goes when a dump that held it is reloaded: it is among the touched).
DELETE FROM core.date_mentions
WHERE article_id IN (
        SELECT s.article_id FROM core.article_sightings AS s
        SEMI JOIN batch_dumps AS b ON s.dump_file = b.dump_file AND s.record_index >= b.first_record
    )
    OR article_id IN (SELECT article_id FROM touched_articles ANTI JOIN core.articles USING (article_id))
