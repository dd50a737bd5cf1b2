-- Records as read from the dump, mapped to one raw schema; the original text is kept in raw_record.
CREATE TABLE IF NOT EXISTS raw.records (
    dump_file VARCHAR NOT NULL,
    record_index BIGINT NOT NULL,
    record_locator VARCHAR NOT NULL,
    dump_format VARCHAR NOT NULL,
    raw_record VARCHAR NOT NULL,
    title VARCHAR,
    body VARCHAR,
    url VARCHAR,
    published_at_raw VARCHAR,
    published_at_source VARCHAR,      -- where the reader found the date: NULL = a record field, 'html' = page metadata
    language VARCHAR,
    authors VARCHAR,
    source VARCHAR,
    extra JSON,
    ingested_at TIMESTAMPTZ NOT NULL
);
