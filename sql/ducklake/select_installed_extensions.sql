SELECT extension_name FROM duckdb_extensions() WHERE installed
