-- Macros analysts may call: created in the warehouse and in the published snapshot alike
-- (described in schemas/contract.yaml).

CREATE SCHEMA IF NOT EXISTS core;

-- The day an article counts for in daily and weekly marts: its publication day, or the day it was
-- first seen when it is undated.
CREATE OR REPLACE MACRO core.article_day(published_at, first_seen_at) AS
    coalesce(CAST(published_at AS DATE), CAST(first_seen_at AS DATE));

-- The host of a URL, lower-cased, without `www.` or port (pipelines/sources.py host_of, in SQL).
CREATE OR REPLACE MACRO core.url_host(url) AS
    nullif(regexp_replace(
        lower(regexp_extract(url, '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?([^:/?#]+)', 1)),
        '^www\.|\.$', '', 'g'
    ), '');
