SELECT schema_name || '.' || table_name AS table_name FROM duckdb_tables()
