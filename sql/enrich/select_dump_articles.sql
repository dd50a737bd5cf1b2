-- The articles a dump touched, with what date-mention finding needs.
SELECT a.article_id, a.body, a.language, a.published_at, a.canonical_url
FROM core.articles AS a
WHERE a.article_id IN (SELECT article_id FROM core.article_sightings WHERE dump_file = $dump_file)
ORDER BY a.article_id
