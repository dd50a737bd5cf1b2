-- A semi-join (not `IN (subquery)`): DuckDB then reads only the matching bodies' vectors.
WITH wanted AS (
    SELECT article_id FROM prefiltered_pairs UNION SELECT other_article_id FROM prefiltered_pairs
)
SELECT a.article_id, a.body
FROM core.articles AS a SEMI JOIN wanted USING (article_id)
