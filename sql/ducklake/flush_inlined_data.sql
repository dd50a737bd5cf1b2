-- Template: {catalog} is the quoted alias of the attached DuckLake. Writes the rows inlined in the
-- catalog's tables (small inserts and deletes) out to Parquet files.
CALL ducklake_flush_inlined_data({catalog})
