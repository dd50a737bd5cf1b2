-- A dump's raw records as its reader staged them, stamped with the dump version's first sighting.
INSERT INTO raw.records BY NAME
SELECT * REPLACE (CAST($version_at AS TIMESTAMPTZ) AS ingested_at)
FROM read_parquet($files)
