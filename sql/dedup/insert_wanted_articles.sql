INSERT INTO wanted_articles SELECT article_id FROM batch
