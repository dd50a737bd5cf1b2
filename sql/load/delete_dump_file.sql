DELETE FROM ops.dump_files WHERE dump_file = $dump_file
