-- Every column of the tables the gate or the snapshot may read, in table order.
SELECT schema_name || '.' || table_name AS table_name, column_name
FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name IN ('core', 'marts', 'quarantine')
ORDER BY table_name, column_index
