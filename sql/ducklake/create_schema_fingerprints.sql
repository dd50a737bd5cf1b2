-- The DDL versions (sha256 of the sql/ddl files in order) applied to this DuckLake: opening one
-- whose current version is recorded runs no DDL and commits no snapshot. A schema of its own:
-- the warehouse's tables are the same on both backends.
CREATE SCHEMA IF NOT EXISTS admin;
CREATE TABLE IF NOT EXISTS admin.schema_fingerprints (
    fingerprint VARCHAR NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL
)
