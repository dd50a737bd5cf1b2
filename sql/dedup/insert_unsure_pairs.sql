INSERT INTO unsure_pairs SELECT article_id, other_article_id FROM batch
