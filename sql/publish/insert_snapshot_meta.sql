INSERT INTO snapshot.meta.snapshot VALUES ($refresh_id, $published_at, $source_warehouse)
