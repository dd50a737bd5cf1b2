INSERT INTO staged_entities BY NAME SELECT * FROM read_parquet($files)
