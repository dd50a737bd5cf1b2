-- Swap the touched clusters for the recomputed ones and keep core.articles in step.
DELETE FROM core.article_clusters
WHERE cluster_id IN (SELECT cluster_id FROM touched_clusters)
   OR article_id IN (SELECT article_id FROM cluster_assignments)
   OR article_id IN (SELECT article_id FROM gone_articles);
DELETE FROM core.clusters
WHERE cluster_id IN (SELECT cluster_id FROM touched_clusters)
   OR cluster_id IN (SELECT cluster_id FROM cluster_assignments);

INSERT INTO core.article_clusters (article_id, cluster_id, method, similarity, is_canonical)
SELECT article_id, cluster_id, method, similarity, is_canonical FROM cluster_assignments;

CREATE OR REPLACE TEMP TABLE cluster_sources AS
SELECT
    c.cluster_id,
    arg_max(c.article_id, c.is_canonical) AS canonical_article_id,
    count(*) AS count_articles,
    count(DISTINCT coalesce(a.source, '')) AS count_sources,
    count(DISTINCT a.source) AS count_named_sources,
    min(a.published_at) AS first_published_at,
    max(a.published_at) AS last_published_at
FROM cluster_assignments AS c
JOIN core.articles AS a USING (article_id)
GROUP BY c.cluster_id;

INSERT INTO core.clusters (
    cluster_id, canonical_article_id, count_articles, count_sources,
    first_published_at, last_published_at
)
SELECT
    cluster_id, canonical_article_id, count_articles, count_sources,
    first_published_at, last_published_at
FROM cluster_sources;

UPDATE core.articles AS a
SET
    cluster_id = c.cluster_id,
    is_canonical = c.is_canonical,
    count_other_sources = s.count_named_sources - CAST(a.source IS NOT NULL AS BIGINT)
FROM cluster_assignments AS c
JOIN cluster_sources AS s USING (cluster_id)
WHERE a.article_id = c.article_id;
