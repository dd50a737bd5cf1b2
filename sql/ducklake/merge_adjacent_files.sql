-- Template: {catalog} as in flush_inlined_data. Compacts each table's small adjacent files.
CALL ducklake_merge_adjacent_files({catalog})
