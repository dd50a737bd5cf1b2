INSERT INTO core.article_signatures SELECT article_id, signature FROM batch
