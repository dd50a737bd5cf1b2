-- The connection's default catalog (the DuckLake's alias, or the DuckDB file's name): a cursor
-- opened from it starts in the in-memory catalog and is pointed here.
SELECT current_database()
