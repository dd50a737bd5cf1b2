INSERT INTO pending_signatures SELECT article_id, signature FROM batch
