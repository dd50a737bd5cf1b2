-- PostgreSQL, run on the catalog database (psycopg): its size on disk, its tables, and the
-- DuckLake's snapshots, live data files, every file it keeps (live, delete files, older ones
-- kept for time travel) and its inlined-data tables.
SELECT
    pg_database_size(current_database()) AS bytes,
    (SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema'))
        AS tables,
    (SELECT count(*) FROM ducklake_snapshot) AS snapshots,
    (SELECT count(*) FROM ducklake_data_file WHERE end_snapshot IS NULL) AS data_files,
    (SELECT count(*) FROM ducklake_data_file) + (SELECT count(*) FROM ducklake_delete_file)
        + (SELECT count(*) FROM ducklake_files_scheduled_for_deletion) AS files_kept,
    (SELECT count(*) FROM ducklake_inlined_data_tables) AS inlined_tables
