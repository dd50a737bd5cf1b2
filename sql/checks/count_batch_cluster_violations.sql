-- The cluster checks over the clusters that hold a merged batch's articles.
WITH batch_articles AS (
    SELECT DISTINCT article_id FROM core.article_sightings
    WHERE dump_file IN (SELECT unnest($dump_files))
),

batch_clusters AS (
    SELECT DISTINCT cluster_id FROM core.article_clusters SEMI JOIN batch_articles USING (article_id)
),

membership AS (
    SELECT a.article_id, count(ac.cluster_id) AS count_clusters
    FROM batch_articles AS a
    LEFT JOIN core.article_clusters AS ac USING (article_id)
    GROUP BY a.article_id
),

canonicals AS (
    SELECT
        c.cluster_id,
        count(*) FILTER (WHERE ac.is_canonical) AS count_canonical,
        count(ac.article_id) AS count_members,
        any_value(c.count_articles) AS count_articles
    FROM core.clusters AS c
    SEMI JOIN batch_clusters USING (cluster_id)
    LEFT JOIN core.article_clusters AS ac USING (cluster_id)
    GROUP BY c.cluster_id
)

SELECT
    (SELECT count(*) FROM membership WHERE count_clusters <> 1),
    (SELECT count(*) FROM canonicals WHERE count_canonical <> 1),
    (SELECT count(*) FROM canonicals WHERE count_members <> count_articles)
    + (SELECT count(*) FROM batch_clusters ANTI JOIN core.clusters USING (cluster_id))
