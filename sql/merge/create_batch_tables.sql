-- The dumps one merge commits, and what their map staged (filled per dump from Parquet).
CREATE OR REPLACE TEMP TABLE batch_dumps (dump_file VARCHAR NOT NULL);
CREATE OR REPLACE TEMP TABLE staged_date_mentions AS
SELECT CAST(NULL AS VARCHAR) AS dump_file, * FROM core.date_mentions, (SELECT CAST(NULL AS BIGINT) AS record_index) WHERE false;
CREATE OR REPLACE TEMP TABLE staged_entity_mentions AS
SELECT CAST(NULL AS VARCHAR) AS dump_file, * FROM core.entity_mentions, (SELECT CAST(NULL AS BIGINT) AS record_index) WHERE false;
CREATE OR REPLACE TEMP TABLE staged_dropped_entity_mentions AS
SELECT CAST(NULL AS VARCHAR) AS dump_file, * FROM core.dropped_entity_mentions, (SELECT CAST(NULL AS BIGINT) AS record_index) WHERE false;
CREATE OR REPLACE TEMP TABLE staged_entities AS SELECT * FROM core.entities WHERE false;
CREATE OR REPLACE TEMP TABLE staged_bands (article_id VARCHAR, band_key BIGINT);
CREATE OR REPLACE TEMP TABLE staged_signatures (article_id VARCHAR, signature BLOB);
