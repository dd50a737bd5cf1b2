SELECT count(*)
FROM core.article_sightings AS s
ANTI JOIN core.articles AS a USING (article_id)
