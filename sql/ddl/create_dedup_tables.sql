-- Persistent LSH index: one row per (article, MinHash band); a new dump is matched by joining its
-- band keys here, so old signatures are never recomputed.
CREATE TABLE IF NOT EXISTS core.article_bands (
    article_id VARCHAR NOT NULL,
    band_key BIGINT NOT NULL
);
-- Verified near-duplicate links (exact shingle Jaccard >= threshold), article_id < other_article_id.
-- Clusters are the connected components of these links plus shared content hashes.
CREATE TABLE IF NOT EXISTS core.article_links (
    article_id VARCHAR NOT NULL,
    other_article_id VARCHAR NOT NULL,
    similarity DOUBLE NOT NULL
);
-- MinHash signature of each indexed article (128 little-endian uint32 bins, 512 bytes): candidate
-- pairs are prefiltered by the signature estimate before the exact Jaccard. Articles indexed
-- before this table existed have none; their candidates go straight to the exact check.
CREATE TABLE IF NOT EXISTS core.article_signatures (
    article_id VARCHAR NOT NULL,
    signature BLOB NOT NULL
);
