-- Template: {catalog} as in flush_inlined_data. Rewrites data files that their delete files have
-- thinned (the merge replaces a re-loaded dump's rows by delete and insert).
CALL ducklake_rewrite_data_files({catalog})
