DELETE FROM core.article_sightings WHERE dump_file IN (SELECT dump_file FROM batch_dumps)
