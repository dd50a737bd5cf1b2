SELECT count(DISTINCT article_id) FROM core.article_sightings WHERE dump_file = $dump_file
