SELECT estimated_size
FROM duckdb_tables()
WHERE schema_name = 'marts' AND table_name = $table_name
