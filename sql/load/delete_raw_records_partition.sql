DELETE FROM raw.records WHERE dump_file = $dump_file
