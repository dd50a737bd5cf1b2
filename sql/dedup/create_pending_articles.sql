-- Articles the last load (re)built: their cluster, bands and links are recomputed.
CREATE OR REPLACE TEMP TABLE pending_articles AS
SELECT article_id, content_hash
FROM core.articles
WHERE cluster_id IS NULL;

-- Clustered articles that no longer exist (their dump was reloaded without them): filled by
-- dedup/insert_gone_articles only when dedup/select_count_gone says there are any.
CREATE OR REPLACE TEMP TABLE gone_articles (article_id VARCHAR);
