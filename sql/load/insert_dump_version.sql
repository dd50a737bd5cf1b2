INSERT INTO ops.dump_versions (dump_file, sha256, bytes, first_processed_at)
SELECT $dump_file, $sha256, $bytes, $processed_at
WHERE NOT EXISTS (
    SELECT 1 FROM ops.dump_versions WHERE dump_file = $dump_file AND sha256 = $sha256
)
