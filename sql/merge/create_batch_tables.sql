-- The dump parts one merge commits: each dump's records from first_record on (0: the whole dump,
-- an earlier version's rows included), and what their map staged (filled per part from Parquet).
CREATE OR REPLACE TEMP TABLE batch_dumps (dump_file VARCHAR NOT NULL, first_record BIGINT NOT NULL);
CREATE OR REPLACE TEMP TABLE staged_date_mentions AS
SELECT CAST(NULL AS VARCHAR) AS dump_file, * FROM core.date_mentions, (SELECT CAST(NULL AS BIGINT) AS record_index) WHERE false;
CREATE OR REPLACE TEMP TABLE staged_entity_mentions AS
SELECT CAST(NULL AS VARCHAR) AS dump_file, * FROM core.entity_mentions, (SELECT CAST(NULL AS BIGINT) AS record_index) WHERE false;
CREATE OR REPLACE TEMP TABLE staged_dropped_entity_mentions AS
SELECT CAST(NULL AS VARCHAR) AS dump_file, * FROM core.dropped_entity_mentions, (SELECT CAST(NULL AS BIGINT) AS record_index) WHERE false;
CREATE OR REPLACE TEMP TABLE staged_entities AS SELECT * FROM core.entities WHERE false;
CREATE OR REPLACE TEMP TABLE staged_bands (
    dump_file VARCHAR, record_index BIGINT, article_id VARCHAR, band_key BIGINT
);
CREATE OR REPLACE TEMP TABLE staged_signatures (
    dump_file VARCHAR, record_index BIGINT, article_id VARCHAR, signature BLOB
);
