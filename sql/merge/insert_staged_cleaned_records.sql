INSERT INTO staging.cleaned_records BY NAME
SELECT * REPLACE (CAST($version_at AS TIMESTAMPTZ) AS seen_at)
FROM read_parquet($files)
