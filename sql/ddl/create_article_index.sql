-- DuckDB file only: DuckLake tables have no indexes (a DuckLake prunes by the min/max statistics
-- of its Parquet files instead).
-- Point lookups of a few articles' bodies (the exact check of pairs near the threshold) read only
-- their rows through this index instead of scanning the whole body column.
CREATE INDEX IF NOT EXISTS articles_article_id ON core.articles (article_id);
