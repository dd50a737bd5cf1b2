SELECT
    count(*) AS count_clusters,
    count(*) FILTER (WHERE count_articles > 1) AS count_multi_article_clusters,
    coalesce(max(count_articles), 0) AS largest_cluster,
    coalesce(sum(count_articles) FILTER (WHERE count_articles > 1), 0) AS articles_in_multi_clusters
FROM core.clusters
