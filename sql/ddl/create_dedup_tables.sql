-- Persistent LSH index: one row per (article, MinHash band); a new dump is matched by joining its
-- band keys here, so old signatures are never recomputed.
CREATE TABLE IF NOT EXISTS core.article_bands (
    article_id VARCHAR NOT NULL,
    band_key BIGINT NOT NULL
);
-- Near-duplicate links (shingle Jaccard >= threshold: the signature estimate, exact within
-- 0.08 of the threshold), article_id < other_article_id.
-- Clusters are the connected components of these links plus shared content hashes.
CREATE TABLE IF NOT EXISTS core.article_links (
    article_id VARCHAR NOT NULL,
    other_article_id VARCHAR NOT NULL,
    similarity DOUBLE NOT NULL
);
-- MinHash signature of each indexed article (512 bins, their low 4 bits, two a byte: 256 bytes):
-- candidate pairs and similarities to the canonical are estimated from it. Articles indexed
-- without one (or with the earlier 512-byte form) go to the exact check, which reads bodies.
CREATE TABLE IF NOT EXISTS core.article_signatures (
    article_id VARCHAR NOT NULL,
    signature BLOB NOT NULL
);
-- Version of the band keys and signatures above (one row); an index of another version is rebuilt
-- from the bodies once, without re-linking (links were decided by the earlier version).
CREATE TABLE IF NOT EXISTS core.dedup_index (
    index_version INTEGER NOT NULL,
    indexed_at TIMESTAMPTZ NOT NULL
);
