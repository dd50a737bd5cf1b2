-- Index rows to drop: the pending articles' (recomputed below) and the gone ones'.
CREATE OR REPLACE TEMP TABLE stale_articles AS
SELECT article_id FROM pending_articles UNION SELECT article_id FROM gone_articles;

-- Clusters to rebuild: where pending articles were, and where members no longer exist.
CREATE OR REPLACE TEMP TABLE touched_clusters AS
SELECT ac.cluster_id FROM core.article_clusters AS ac SEMI JOIN stale_articles USING (article_id);

DELETE FROM core.article_bands WHERE article_id IN (SELECT article_id FROM stale_articles);

DELETE FROM core.article_signatures WHERE article_id IN (SELECT article_id FROM stale_articles);

DELETE FROM core.article_links
WHERE article_id IN (SELECT article_id FROM stale_articles)
   OR other_article_id IN (SELECT article_id FROM stale_articles);

CREATE OR REPLACE TEMP TABLE pending_bands (article_id VARCHAR, band_key BIGINT);
CREATE OR REPLACE TEMP TABLE pending_signatures (article_id VARCHAR, signature BLOB);
