-- Articles of a dump whose entities are missing or out of date (model, code or text changed).
SELECT article_id
FROM core.stale_entity_articles(
    $tagger_languages, $tagger_versions, $default_version, $code_version, [$dump_file],
    NULL
)
ORDER BY article_id
