-- Pending articles sharing at least one band key with another article (pending or already
-- indexed), except pairs with one content hash (exact duplicates, clustered anyway).
-- Only index rows whose key one of the pending articles has are read (semi-join on band_key with
-- the small pending key set), so the cost follows the dump and its matches, not the index size.
CREATE OR REPLACE TEMP TABLE candidate_pairs AS
WITH pending_keys AS (
    SELECT DISTINCT band_key FROM pending_bands
),
matched AS (
    SELECT b.article_id, b.band_key
    FROM core.article_bands AS b SEMI JOIN pending_keys AS k ON b.band_key = k.band_key
    UNION ALL
    SELECT article_id, band_key FROM pending_bands
),
shared AS (
    SELECT DISTINCT
        least(p.article_id, m.article_id) AS article_id,
        greatest(p.article_id, m.article_id) AS other_article_id
    FROM pending_bands AS p
    JOIN matched AS m ON m.band_key = p.band_key AND m.article_id <> p.article_id
)
SELECT shared.article_id, shared.other_article_id
FROM shared
JOIN core.articles AS a ON a.article_id = shared.article_id
JOIN core.articles AS o ON o.article_id = shared.other_article_id
WHERE a.content_hash <> o.content_hash
