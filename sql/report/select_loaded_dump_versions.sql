-- Dumps whose current version is fully loaded: re-running them is a no-op.
SELECT dump_file, sha256
FROM ops.dump_files
WHERE records_loaded IS NOT NULL
