-- The text entity extraction reads, of the given articles.
SELECT a.article_id, a.title, a.body, a.language
FROM core.articles AS a
WHERE a.article_id IN (SELECT unnest($article_ids))
ORDER BY a.article_id
