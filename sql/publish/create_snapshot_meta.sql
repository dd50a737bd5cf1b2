-- The published file's marker: which refresh it holds and how many rows each table had.
CREATE SCHEMA IF NOT EXISTS snapshot.meta;
CREATE OR REPLACE TABLE snapshot.meta.snapshot (
    refresh_id VARCHAR NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    source_warehouse VARCHAR NOT NULL
);
CREATE OR REPLACE TABLE snapshot.meta.snapshot_tables (
    table_name VARCHAR NOT NULL,
    row_count BIGINT NOT NULL
);
