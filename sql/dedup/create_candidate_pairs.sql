-- Pending articles sharing at least one band key with another article (pending or already
-- indexed), except pairs with one content hash (exact duplicates, clustered anyway).
-- The hashes are compared by one equi-join of both sides with core.articles, grouped by pair: two
-- joins and `a.content_hash <> o.content_hash` let DuckDB join the two copies of core.articles
-- first on the inequality when it underestimates them (a DuckLake's estimate leaves out the
-- transaction's own inserts), a cross product of the warehouse's articles.
-- Only index rows whose key one of the pending articles has are kept (a join with the small set of
-- distinct pending keys: an inner join, which DuckDB runs ~1.5x faster than the equivalent semi
-- join here), so what follows is in proportion to the dump and its matches.
-- Crowded buckets stay bounded: a band key carried by more than 2 x $bucket_window + 1 articles
-- (templated text: any two pages share many shingles) pairs each pending article only with the
-- $bucket_window members on either side of it in article_id order. A true duplicate shares many
-- bands, and a cluster needs one link to any member, so what this loses is links between
-- templated pages, not stories (docs/stages/dedup.md).
CREATE OR REPLACE TEMP TABLE candidate_pairs AS
WITH pending_keys AS (
    SELECT DISTINCT band_key FROM pending_bands
),
matched AS (
    SELECT b.article_id, b.band_key, false AS is_pending
    FROM core.article_bands AS b JOIN pending_keys AS k ON b.band_key = k.band_key
    UNION ALL
    SELECT article_id, band_key, true AS is_pending FROM pending_bands
),
positioned AS (
    SELECT
        article_id,
        band_key,
        is_pending,
        row_number() OVER (PARTITION BY band_key ORDER BY article_id) AS bucket_position
    FROM matched
),
shared AS (
    SELECT DISTINCT
        least(p.article_id, m.article_id) AS article_id,
        greatest(p.article_id, m.article_id) AS other_article_id
    FROM positioned AS p
    JOIN positioned AS m
        ON m.band_key = p.band_key
        AND m.article_id <> p.article_id
        AND m.bucket_position BETWEEN p.bucket_position - $bucket_window
        AND p.bucket_position + $bucket_window
    WHERE p.is_pending
),
sides AS (
    SELECT article_id, other_article_id, unnest([article_id, other_article_id]) AS side_id
    FROM shared
)
SELECT sides.article_id, sides.other_article_id
FROM sides
JOIN core.articles AS a ON a.article_id = sides.side_id
GROUP BY sides.article_id, sides.other_article_id
HAVING count(DISTINCT a.content_hash) = 2
