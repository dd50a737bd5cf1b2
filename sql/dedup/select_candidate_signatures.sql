-- Stored signatures of the articles in a candidate pair (indexed ones and the pending dump's).
WITH wanted AS (
    SELECT article_id FROM candidate_pairs UNION SELECT other_article_id FROM candidate_pairs
)
SELECT s.article_id, s.signature
FROM core.article_signatures AS s SEMI JOIN wanted USING (article_id)
UNION ALL
SELECT s.article_id, s.signature
FROM pending_signatures AS s SEMI JOIN wanted USING (article_id)
ORDER BY article_id
