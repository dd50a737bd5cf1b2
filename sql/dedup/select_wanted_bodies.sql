-- Bodies of the given articles (fetched by rowid: dedup/select_unsure_bodies).
WITH wanted AS (
    SELECT rowid AS row_id FROM core.articles WHERE article_id IN (SELECT unnest($article_ids))
)
SELECT article_id, body FROM core.articles WHERE rowid IN (SELECT row_id FROM wanted)
