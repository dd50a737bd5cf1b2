-- Cleaned, identified records of each dump: the input of the core load.
CREATE TABLE IF NOT EXISTS staging.cleaned_records (
    dump_file VARCHAR NOT NULL,
    record_index BIGINT NOT NULL,
    record_locator VARCHAR NOT NULL,
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
    cleaning_removed VARCHAR[],
    seen_at TIMESTAMPTZ NOT NULL
);
