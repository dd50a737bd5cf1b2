DELETE FROM core.dedup_index
