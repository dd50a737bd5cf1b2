INSERT INTO staged_signatures
SELECT $dump_file AS dump_file, record_index, article_id, signature FROM read_parquet($files)
