-- Rows per table in a published snapshot (opened read-only), for the gate's volume check.
SELECT table_name, row_count FROM meta.snapshot_tables
