-- Three counts that must all be zero once clusters are merged.
WITH membership AS (
    SELECT a.article_id, count(ac.cluster_id) AS count_clusters
    FROM core.articles AS a
    LEFT JOIN core.article_clusters AS ac USING (article_id)
    GROUP BY a.article_id
),
canonicals AS (
    SELECT c.cluster_id, count(*) FILTER (WHERE ac.is_canonical) AS count_canonical,
           count(ac.article_id) AS count_members, any_value(c.count_articles) AS count_articles
    FROM core.clusters AS c
    LEFT JOIN core.article_clusters AS ac USING (cluster_id)
    GROUP BY c.cluster_id
)
SELECT
    (SELECT count(*) FROM membership WHERE count_clusters <> 1) AS articles_not_in_one_cluster,
    (SELECT count(*) FROM canonicals WHERE count_canonical <> 1) AS clusters_without_one_canonical,
    (SELECT count(*) FROM canonicals WHERE count_members <> count_articles)
        + (SELECT count(*) FROM core.article_clusters ANTI JOIN core.clusters USING (cluster_id))
        AS cluster_size_mismatches
