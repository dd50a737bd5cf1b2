-- HTML/WARC dumps: the page bytes (zstd frame) so extraction can be re-run, and the extractor
-- that produced the fields. NULL for every other dump format.
ALTER TABLE raw.records ADD COLUMN IF NOT EXISTS raw_payload BLOB;
ALTER TABLE raw.records ADD COLUMN IF NOT EXISTS extractor_version VARCHAR;
