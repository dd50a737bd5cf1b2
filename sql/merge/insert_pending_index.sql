-- Band keys and signatures of the pending articles the batch rebuilt, from the sighting each was
-- rebuilt from (an article seen again with another text keeps its first text's index).
INSERT INTO pending_bands
SELECT b.article_id, b.band_key
FROM staged_bands AS b
JOIN rebuilt_articles AS r USING (dump_file, record_index, article_id)
SEMI JOIN pending_articles AS p USING (article_id);
INSERT INTO pending_signatures
SELECT s.article_id, s.signature
FROM staged_signatures AS s
JOIN rebuilt_articles AS r USING (dump_file, record_index, article_id)
SEMI JOIN pending_articles AS p USING (article_id);
