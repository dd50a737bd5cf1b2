-- Rebuild core.sources from the resolved keys (`source_keys`: source, host, count_articles,
-- source_id) and their outlets (`source_outlets`: source_id, name, language, country_code,
-- is_registered; name NULL when not registered). Aliases are the spellings and hosts seen, most frequent first.
DELETE FROM core.sources;
INSERT INTO core.sources
WITH spellings AS (
    SELECT source_id, spelling, sum(count_articles) AS n
    FROM (
        SELECT source_id, source AS spelling, count_articles FROM source_keys
        UNION ALL
        SELECT source_id, host, count_articles FROM source_keys
    )
    WHERE spelling IS NOT NULL
    GROUP BY ALL
),
aliases AS (
    SELECT source_id, string_agg(spelling, '; ' ORDER BY n DESC, spelling) AS aliases
    FROM spellings
    GROUP BY source_id
),
counts AS (
    SELECT source_id, sum(count_articles)::BIGINT AS count_articles,
           arg_max(source, count_articles) FILTER (WHERE source IS NOT NULL) AS top_source
    FROM source_keys
    GROUP BY source_id
)
SELECT o.source_id, coalesce(o.name, c.top_source, o.source_id), a.aliases, o.language, o.country_code, o.is_registered,
       c.count_articles
FROM source_outlets AS o
JOIN counts AS c USING (source_id)
LEFT JOIN aliases AS a USING (source_id)
ORDER BY c.count_articles DESC, o.source_id;
