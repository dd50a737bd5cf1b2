SELECT refresh_id, published_at FROM meta.snapshot
