SELECT
    dump_file, record_index, record_locator, dump_format, raw_record, title, body, url,
    published_at_raw, language, authors, source, CAST(extra AS VARCHAR) AS extra, ingested_at
FROM raw.records
WHERE dump_file = $dump_file
ORDER BY record_index
