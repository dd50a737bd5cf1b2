-- Clusters the pending articles reach through new links or a shared content hash are rebuilt
-- too (that is how a bridging article merges two clusters); members = their articles + pending.
INSERT INTO touched_clusters
WITH reached AS (
    SELECT l.other_article_id AS article_id
    FROM core.article_links AS l SEMI JOIN pending_articles AS p ON l.article_id = p.article_id
    UNION
    SELECT l.article_id
    FROM core.article_links AS l SEMI JOIN pending_articles AS p ON l.other_article_id = p.article_id
)
SELECT a.cluster_id
FROM core.articles AS a SEMI JOIN pending_articles AS p ON a.content_hash = p.content_hash
WHERE a.cluster_id IS NOT NULL
UNION
SELECT ac.cluster_id FROM core.article_clusters AS ac SEMI JOIN reached USING (article_id);

CREATE OR REPLACE TEMP TABLE cluster_members AS
SELECT article_id, content_hash, source, published_at, first_seen_at,
    count_body_chars AS body_chars
FROM core.articles
WHERE cluster_id IS NULL OR cluster_id IN (SELECT cluster_id FROM touched_clusters);

CREATE OR REPLACE TEMP TABLE cluster_assignments (
    article_id VARCHAR, cluster_id VARCHAR, method VARCHAR, similarity DOUBLE, is_canonical BOOLEAN
);
CREATE OR REPLACE TEMP TABLE wanted_articles (article_id VARCHAR);
