INSERT INTO staged_signatures SELECT article_id, signature FROM read_parquet($files)
