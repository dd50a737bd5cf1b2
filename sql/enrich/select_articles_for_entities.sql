-- The text entity extraction reads, of the given articles.
SELECT a.article_id, a.title, a.body, a.language
FROM core.articles AS a
WHERE a.rowid IN (  -- fetched by rowid: only these bodies are read (dedup/select_unsure_bodies)
    SELECT rowid FROM core.articles WHERE article_id IN (SELECT unnest($article_ids))
)
ORDER BY a.article_id
