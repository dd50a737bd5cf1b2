-- Record the versions and text the given articles were just enriched with.
-- The articles are found by id on the narrow article_id column, then fetched by rowid: DuckDB
-- reads titles and bodies only where they are (a join on article_id read every article's).
INSERT INTO core.entity_enrichments (
    article_id, model_version, code_version, text_md5, count_mentions, enriched_at
)
WITH current_versions AS (
    SELECT unnest($tagger_languages) AS language, unnest($tagger_versions) AS model_version
),

mention_counts AS (
    SELECT article_id, count(*) AS count_mentions
    FROM core.entity_mentions
    WHERE article_id IN (SELECT unnest($article_ids))
    GROUP BY article_id
)

SELECT
    a.article_id,
    coalesce(v.model_version, $default_version),
    $code_version,
    core.article_text_md5(a.title, a.body),
    coalesce(m.count_mentions, 0),
    current_localtimestamp()
FROM core.articles AS a
LEFT JOIN current_versions AS v ON v.language = a.language
LEFT JOIN mention_counts AS m ON m.article_id = a.article_id
WHERE a.rowid IN (  -- fetched by rowid: only these titles and bodies are read (see above)
    SELECT rowid FROM core.articles WHERE article_id IN (SELECT unnest($article_ids))
)
