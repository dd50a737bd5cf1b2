INSERT INTO core.article_bands SELECT article_id, band_key FROM batch
