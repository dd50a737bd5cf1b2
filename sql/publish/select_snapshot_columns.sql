-- Every column of every table and view of the snapshot being finished, in table order.
SELECT schema_name || '.' || table_name AS table_name, column_name
FROM duckdb_columns()
WHERE database_name = current_database() AND NOT internal
ORDER BY table_name, column_index
