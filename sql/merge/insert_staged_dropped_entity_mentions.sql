INSERT INTO staged_dropped_entity_mentions BY NAME
SELECT $dump_file AS dump_file, * FROM read_parquet($files)
