CREATE TABLE IF NOT EXISTS quarantine.rejected_records (
    dump_file VARCHAR NOT NULL,
    record_index BIGINT NOT NULL,
    record_locator VARCHAR NOT NULL,
    stage VARCHAR NOT NULL,           -- 'ingest' | 'validate' | 'clean'
    reject_reason VARCHAR NOT NULL,
    reject_detail VARCHAR NOT NULL,
    raw_record VARCHAR,
    rejected_at TIMESTAMPTZ NOT NULL
);
