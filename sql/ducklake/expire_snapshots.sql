-- Template: {catalog} as in flush_inlined_data. Forgets snapshots older than $retention (time
-- travel to them ends; the files only they use are scheduled for deletion).
CALL ducklake_expire_snapshots({catalog}, older_than => now() - $retention)
