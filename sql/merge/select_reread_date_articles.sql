-- The text dates are found in, of the given articles (merge/select_reread_date_article_ids),
-- fetched by rowid (dedup/select_unsure_bodies).
WITH wanted AS (
    SELECT rowid AS row_id FROM core.articles WHERE article_id IN (SELECT unnest($article_ids))
)
SELECT a.article_id, a.body, a.language, a.published_at, a.canonical_url
FROM core.articles AS a
WHERE a.rowid IN (SELECT row_id FROM wanted)
ORDER BY a.article_id
