CREATE TABLE IF NOT EXISTS core.articles (
    article_id VARCHAR NOT NULL,
    url VARCHAR,
    canonical_url VARCHAR,
    source VARCHAR,
    title VARCHAR,
    body VARCHAR NOT NULL,
    language VARCHAR,
    published_at TIMESTAMPTZ,
    published_at_raw VARCHAR,
    content_hash VARCHAR NOT NULL,
    authors VARCHAR,
    cluster_id VARCHAR,
    is_canonical BOOLEAN,
    count_sightings BIGINT NOT NULL,
    first_seen_at TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS core.article_sightings (
    article_id VARCHAR NOT NULL,
    dump_file VARCHAR NOT NULL,
    record_index BIGINT NOT NULL,
    record_locator VARCHAR NOT NULL,
    seen_at TIMESTAMPTZ NOT NULL
);
-- Membership of every article in exactly one story cluster.
CREATE TABLE IF NOT EXISTS core.article_clusters (
    article_id VARCHAR NOT NULL,
    cluster_id VARCHAR NOT NULL,
    method VARCHAR NOT NULL,          -- 'singleton' | 'exact' | 'near' (see docs/stages/dedup.md)
    similarity DOUBLE NOT NULL,       -- to the cluster's canonical article (1.0 for exact)
    is_canonical BOOLEAN NOT NULL
);
CREATE TABLE IF NOT EXISTS core.clusters (
    cluster_id VARCHAR NOT NULL,
    canonical_article_id VARCHAR NOT NULL,
    count_articles BIGINT NOT NULL,
    count_sources BIGINT NOT NULL,
    first_published_at TIMESTAMPTZ,
    last_published_at TIMESTAMPTZ
);
