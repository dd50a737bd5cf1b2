-- Pending articles the batch did not rebuild from one of its sightings: signed in-process.
SELECT article_id, body
FROM core.articles
WHERE cluster_id IS NULL
    AND article_id NOT IN (SELECT article_id FROM rebuilt_articles)
ORDER BY article_id
