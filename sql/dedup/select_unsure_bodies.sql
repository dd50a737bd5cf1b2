-- Bodies of the candidate pairs whose signature estimate was too near the threshold to decide.
WITH wanted AS (
    SELECT article_id FROM unsure_pairs UNION SELECT other_article_id FROM unsure_pairs
)
SELECT a.article_id, a.body
FROM core.articles AS a SEMI JOIN wanted USING (article_id)
