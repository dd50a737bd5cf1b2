-- The stories (clusters) carried by the most sources, with their canonical title.
SELECT
    c.cluster_id,
    coalesce(a.title, left(a.body, 80)) AS title,
    c.count_sources AS sources,
    c.count_articles AS articles,
    CAST(c.first_published_at AS DATE) AS first_published
FROM core.clusters AS c
LEFT JOIN core.articles AS a ON a.article_id = c.canonical_article_id
ORDER BY c.count_sources DESC, c.count_articles DESC, c.cluster_id
LIMIT $limit
