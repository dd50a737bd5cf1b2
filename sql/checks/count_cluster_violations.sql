-- The cluster checks over the clusters that hold the articles of the dumps `$dump_files`, or over
-- every cluster when it is NULL.
WITH checked_articles AS (
    SELECT article_id FROM core.articles WHERE $dump_files IS NULL
    UNION
    SELECT article_id FROM core.article_sightings WHERE dump_file IN (SELECT unnest($dump_files))
),

checked_clusters AS (
    SELECT cluster_id FROM core.clusters WHERE $dump_files IS NULL
    UNION
    SELECT cluster_id FROM core.article_clusters SEMI JOIN checked_articles USING (article_id)
),

membership AS (
    SELECT a.article_id, count(ac.cluster_id) AS count_clusters
    FROM checked_articles AS a
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
    SEMI JOIN checked_clusters USING (cluster_id)
    LEFT JOIN core.article_clusters AS ac USING (cluster_id)
    GROUP BY c.cluster_id
)

SELECT
    (SELECT count(*) FROM membership WHERE count_clusters <> 1),
    (SELECT count(*) FROM canonicals WHERE count_canonical <> 1),
    (SELECT count(*) FROM canonicals WHERE count_members <> count_articles)
    + (SELECT count(*) FROM checked_clusters ANTI JOIN core.clusters USING (cluster_id))
