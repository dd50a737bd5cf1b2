-- Band keys and signatures of the pending articles the batch staged.
INSERT INTO pending_bands
SELECT article_id, band_key FROM staged_bands SEMI JOIN pending_articles USING (article_id);
INSERT INTO pending_signatures
SELECT DISTINCT ON (article_id) article_id, signature
FROM staged_signatures SEMI JOIN pending_articles USING (article_id);
