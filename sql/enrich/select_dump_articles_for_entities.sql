-- The articles a dump touched, with the text entity extraction reads.
SELECT a.article_id, a.title, a.body, a.language
FROM core.articles AS a
WHERE a.article_id IN (SELECT article_id FROM core.article_sightings WHERE dump_file = $dump_file)
ORDER BY a.article_id
