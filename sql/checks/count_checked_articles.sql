-- How many articles the dumps `$dump_files` (all when NULL) hold: the mention checks run over
-- parts of them.
SELECT count(DISTINCT article_id) FROM core.article_sightings
WHERE $dump_files IS NULL OR dump_file IN (SELECT unnest($dump_files))
