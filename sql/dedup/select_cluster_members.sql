SELECT article_id, content_hash, source, published_at, first_seen_at, body_chars
FROM cluster_members
ORDER BY article_id
