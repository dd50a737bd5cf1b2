-- Length of the cleaned body in characters (0 when there is none): the canonical tiebreak reads it
-- without touching the body column. Filled here for rows loaded before the column existed.
ALTER TABLE core.articles ADD COLUMN IF NOT EXISTS count_body_chars BIGINT;
UPDATE core.articles SET count_body_chars = coalesce(length(body), 0) WHERE count_body_chars IS NULL;
