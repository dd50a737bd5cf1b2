-- One row per dump (partition key); describes the version loaded last.
CREATE TABLE IF NOT EXISTS ops.dump_files (
    dump_file VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    format VARCHAR,
    compression VARCHAR,
    encoding VARCHAR,
    bytes BIGINT NOT NULL,
    records_read BIGINT NOT NULL DEFAULT 0,
    records_loaded BIGINT,
    records_quarantined BIGINT,
    first_processed_at TIMESTAMPTZ NOT NULL,
    last_processed_at TIMESTAMPTZ NOT NULL
);
-- Every distinct content version (sha256) ever seen under a dump name.
CREATE TABLE IF NOT EXISTS ops.dump_versions (
    dump_file VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    bytes BIGINT NOT NULL,
    first_processed_at TIMESTAMPTZ NOT NULL
);
