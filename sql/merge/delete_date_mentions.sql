-- Mentions of the articles the batch rebuilt or re-reads, and of articles that no longer exist.
DELETE FROM core.date_mentions
WHERE article_id IN (
        SELECT article_id FROM core.article_sightings SEMI JOIN batch_dumps USING (dump_file)
    )
    OR article_id NOT IN (SELECT article_id FROM core.articles)
