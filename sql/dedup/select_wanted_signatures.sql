-- Fine signatures of the cluster members whose similarity to the canonical is wanted.
SELECT s.article_id, s.signature
FROM core.article_signatures AS s SEMI JOIN wanted_articles USING (article_id)
ORDER BY s.article_id
