INSERT INTO core.dedup_index (index_version, indexed_at) VALUES ($index_version, now())
