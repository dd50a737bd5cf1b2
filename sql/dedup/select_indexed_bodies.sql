-- Bodies of every clustered article, to rebuild the index (read on a separate cursor).
SELECT article_id, body
FROM core.articles
WHERE cluster_id IS NOT NULL
ORDER BY article_id
