-- Articles of the batch's dumps whose entities are missing or out of date, and whether the batch
-- staged their mentions (their row was rebuilt from the batch).
WITH current_versions AS (
    SELECT unnest($tagger_languages) AS language, unnest($tagger_versions) AS model_version
),

candidates AS (
    SELECT
        a.article_id,
        a.title,
        a.body,
        coalesce(v.model_version, $default_version) AS model_version
    FROM core.articles AS a
    LEFT JOIN current_versions AS v ON v.language = a.language
    WHERE a.article_id IN (
        SELECT article_id FROM core.article_sightings SEMI JOIN batch_dumps USING (dump_file)
    )
)

SELECT c.article_id, c.article_id IN (SELECT article_id FROM rebuilt_articles) AS is_staged
FROM candidates AS c
WHERE NOT EXISTS (
    SELECT 1
    FROM core.entity_enrichments AS e
    WHERE e.article_id = c.article_id
        AND e.model_version = c.model_version
        AND e.code_version = $code_version
        AND e.text_md5 = core.article_text_md5(c.title, c.body)
)
ORDER BY c.article_id
