-- The macros of the snapshot being finished.
SELECT DISTINCT schema_name || '.' || function_name
FROM duckdb_functions()
WHERE database_name = current_database() AND function_type IN ('macro', 'table_macro')
    AND NOT internal
