-- Articles checked against the Pandera contract after a load (those of the dump just loaded).
SELECT a.*
FROM core.articles AS a
WHERE a.article_id IN (SELECT article_id FROM core.article_sightings WHERE dump_file = $dump_file)
