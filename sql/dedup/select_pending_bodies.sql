-- Read on a separate cursor (outside the dedup transaction): pending = not clustered yet.
SELECT article_id, body
FROM core.articles
WHERE cluster_id IS NULL
ORDER BY article_id
