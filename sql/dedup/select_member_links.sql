SELECT l.article_id, l.other_article_id
FROM core.article_links AS l
WHERE l.article_id IN (SELECT article_id FROM cluster_members)
  AND l.other_article_id IN (SELECT article_id FROM cluster_members)
ORDER BY ALL
