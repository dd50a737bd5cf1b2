-- Bodies of the articles in candidate pairs whose signature estimate was too near the threshold
-- to decide.
-- Rows are found by id on the narrow article_id column, then fetched by rowid: DuckDB reads
-- bodies only where those rows are (a join on article_id read every article's: 1.1 GB at 290k).
WITH wanted AS (
    SELECT rowid AS row_id FROM core.articles WHERE article_id IN (SELECT unnest($article_ids))
)
SELECT a.article_id, a.body
FROM core.articles AS a
WHERE a.rowid IN (SELECT row_id FROM wanted)
