-- Template: {catalog} as in flush_inlined_data. Deletes the files scheduled for deletion more than
-- $retention ago (a reader still on an older snapshot may use the later ones).
CALL ducklake_cleanup_old_files({catalog}, older_than => now() - $retention)
