-- Dumps with articles whose entities are missing or were found with another model or code, and
-- how many such articles.
SELECT s.dump_file, count(DISTINCT s.article_id) AS count_stale_articles
FROM core.article_sightings AS s
WHERE s.article_id IN (
    SELECT article_id
    FROM core.stale_entity_articles(
        $tagger_languages, $tagger_versions, $default_version, $code_version, NULL, NULL,
        check_text := false
    )
)
GROUP BY s.dump_file
ORDER BY s.dump_file
