INSERT INTO staged_bands SELECT article_id, band_key FROM read_parquet($files)
