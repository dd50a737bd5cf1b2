-- Articles the last load (re)built: their cluster, bands and links are recomputed.
CREATE OR REPLACE TEMP TABLE pending_articles AS
SELECT article_id, content_hash
FROM core.articles
WHERE cluster_id IS NULL;

-- Clusters to rebuild: where pending articles were, and where members no longer exist.
CREATE OR REPLACE TEMP TABLE touched_clusters AS
SELECT ac.cluster_id FROM core.article_clusters AS ac SEMI JOIN pending_articles USING (article_id)
UNION
SELECT ac.cluster_id FROM core.article_clusters AS ac ANTI JOIN core.articles USING (article_id);

DELETE FROM core.article_bands
WHERE article_id IN (SELECT article_id FROM pending_articles)
   OR article_id NOT IN (SELECT article_id FROM core.articles);

DELETE FROM core.article_signatures
WHERE article_id IN (SELECT article_id FROM pending_articles)
   OR article_id NOT IN (SELECT article_id FROM core.articles);

DELETE FROM core.article_links
WHERE article_id IN (SELECT article_id FROM pending_articles)
   OR other_article_id IN (SELECT article_id FROM pending_articles)
   OR article_id NOT IN (SELECT article_id FROM core.articles)
   OR other_article_id NOT IN (SELECT article_id FROM core.articles);

CREATE OR REPLACE TEMP TABLE pending_bands (article_id VARCHAR, band_key BIGINT);
CREATE OR REPLACE TEMP TABLE pending_signatures (article_id VARCHAR, signature BLOB);
CREATE OR REPLACE TEMP TABLE prefiltered_pairs (article_id VARCHAR, other_article_id VARCHAR);
