-- Bodies of the pairs that passed the signature prefilter (see docs/notes/dedup.md for its cost).
WITH wanted AS (
    SELECT article_id FROM prefiltered_pairs UNION SELECT other_article_id FROM prefiltered_pairs
)
SELECT a.article_id, a.body
FROM core.articles AS a SEMI JOIN wanted USING (article_id)
