-- Assign story clusters to every article the last load (re)built (cluster_id IS NULL), and rebuild the
-- clusters they touch. Exact clusters are keyed by content hash, so their ids are stable.
-- Canonical article: earliest published, then earliest seen, then longest body, then article_id.
CREATE OR REPLACE TEMP TABLE pending_articles AS
SELECT article_id, 'x_' || substr(content_hash, 1, 20) AS cluster_id
FROM core.articles
WHERE cluster_id IS NULL;

CREATE OR REPLACE TEMP TABLE touched_clusters AS
SELECT cluster_id FROM pending_articles
UNION
SELECT ac.cluster_id FROM core.article_clusters AS ac SEMI JOIN pending_articles USING (article_id)
UNION
SELECT ac.cluster_id FROM core.article_clusters AS ac ANTI JOIN core.articles USING (article_id);

DELETE FROM core.article_clusters WHERE cluster_id IN (SELECT cluster_id FROM touched_clusters);
DELETE FROM core.clusters WHERE cluster_id IN (SELECT cluster_id FROM touched_clusters);

CREATE OR REPLACE TEMP TABLE cluster_members AS
WITH keyed AS (
    SELECT
        article_id,
        'x_' || substr(content_hash, 1, 20) AS cluster_id,
        coalesce(source, '') AS source,
        published_at,
        first_seen_at,
        length(body) AS body_chars
    FROM core.articles
)
SELECT
    keyed.*,
    count(*) OVER (PARTITION BY cluster_id) AS count_articles,
    row_number() OVER (
        PARTITION BY cluster_id
        ORDER BY published_at NULLS LAST, first_seen_at, body_chars DESC, article_id
    ) = 1 AS is_canonical
FROM keyed
SEMI JOIN touched_clusters USING (cluster_id);

INSERT INTO core.article_clusters (article_id, cluster_id, method, similarity, is_canonical)
SELECT
    article_id,
    cluster_id,
    CASE WHEN count_articles > 1 THEN 'exact' ELSE 'singleton' END,
    1.0,
    is_canonical
FROM cluster_members;

INSERT INTO core.clusters (
    cluster_id, canonical_article_id, count_articles, count_sources,
    first_published_at, last_published_at
)
SELECT
    cluster_id,
    arg_max(article_id, is_canonical),
    count(*),
    count(DISTINCT source),
    min(published_at),
    max(published_at)
FROM cluster_members
GROUP BY cluster_id;

UPDATE core.articles AS a
SET cluster_id = m.cluster_id, is_canonical = m.is_canonical
FROM cluster_members AS m
WHERE a.article_id = m.article_id;
