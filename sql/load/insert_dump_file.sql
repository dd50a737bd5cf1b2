INSERT INTO ops.dump_files (
    dump_file, sha256, format, compression, encoding, bytes, records_read,
    records_loaded, records_quarantined, first_processed_at, last_processed_at
)
SELECT
    $dump_file, $sha256, $format, $compression, $encoding, $bytes, $records_read,
    NULL, NULL,
    (SELECT min(first_processed_at) FROM ops.dump_versions WHERE dump_file = $dump_file),
    $processed_at
