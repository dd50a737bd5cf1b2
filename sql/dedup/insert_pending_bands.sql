INSERT INTO pending_bands SELECT article_id, band_key FROM batch
