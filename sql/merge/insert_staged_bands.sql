INSERT INTO staged_bands
SELECT $dump_file AS dump_file, record_index, article_id, band_key FROM read_parquet($files)
