-- Articles of the batch's parts whose entities are missing or out of date, and whether the batch
-- staged their mentions (their row was rebuilt from one of its sightings).
SELECT
    s.article_id,
    s.article_id IN (SELECT article_id FROM rebuilt_articles) AS is_staged
FROM core.stale_entity_articles(
    $tagger_languages, $tagger_versions, $default_version, $code_version, NULL,
    articles := (
        SELECT coalesce(list(DISTINCT s.article_id), CAST([] AS VARCHAR[]))
        FROM core.article_sightings AS s
        SEMI JOIN batch_dumps AS b ON s.dump_file = b.dump_file AND s.record_index >= b.first_record
    )
) AS s
ORDER BY s.article_id
