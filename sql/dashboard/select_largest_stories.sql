-- The stories (clusters) carried by the most outlets, with their canonical title.
SELECT
    cluster_id,
    coalesce(canonical_title, cluster_id) AS title,
    count_sources AS outlets,
    count_articles AS articles,
    array_to_string(sources, ', ') AS sources,
    CAST(first_published_at AS DATE) AS first_published
FROM marts.stories
ORDER BY count_sources DESC, count_articles DESC, cluster_id
LIMIT $limit
