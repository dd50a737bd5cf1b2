-- How many sources other than the article's own carried the same story (its cluster).
ALTER TABLE core.articles ADD COLUMN IF NOT EXISTS count_other_sources BIGINT;
