-- Articles of the batch's dumps whose entities are missing or out of date, and whether the batch
-- staged their mentions (their row was rebuilt from one of its sightings).
SELECT
    s.article_id,
    s.article_id IN (SELECT article_id FROM rebuilt_articles) AS is_staged
FROM core.stale_entity_articles(
    $tagger_languages, $tagger_versions, $default_version, $code_version,
    (SELECT list(dump_file) FROM batch_dumps)
) AS s
ORDER BY s.article_id
