-- Articles of the batch's dumps whose row comes from an earlier dump: dates found again in-process.
SELECT a.article_id, a.body, a.language, a.published_at, a.canonical_url
FROM core.articles AS a
WHERE a.article_id IN (
        SELECT s.article_id FROM core.article_sightings AS s
        SEMI JOIN batch_dumps AS b ON s.dump_file = b.dump_file AND s.record_index >= b.first_record
    )
    AND a.article_id NOT IN (SELECT article_id FROM rebuilt_articles)
ORDER BY a.article_id
