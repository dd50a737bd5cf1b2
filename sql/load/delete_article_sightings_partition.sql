DELETE FROM core.article_sightings WHERE dump_file = $dump_file
