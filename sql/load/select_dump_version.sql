SELECT first_processed_at
FROM ops.dump_versions
WHERE dump_file = $dump_file AND sha256 = $sha256
