-- Outlets as entities (pipelines/sources.py): one row per source_id, rebuilt by the marts stage.
CREATE TABLE IF NOT EXISTS core.sources (
    source_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    aliases VARCHAR,
    language VARCHAR,
    country_code VARCHAR,
    is_registered BOOLEAN NOT NULL,
    count_articles BIGINT NOT NULL
);
-- The outlet of every article; NULL until the sources step has run after its load.
ALTER TABLE core.articles ADD COLUMN IF NOT EXISTS source_id VARCHAR;
