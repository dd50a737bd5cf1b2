-- A dump's quarantine rows of every stage (ingest, validate, clean), stamped like its records.
INSERT INTO quarantine.rejected_records BY NAME
SELECT * REPLACE (CAST($version_at AS TIMESTAMPTZ) AS rejected_at)
FROM read_parquet($files)
