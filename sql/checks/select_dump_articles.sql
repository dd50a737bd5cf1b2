-- Articles checked against the Pandera contract after a load (those of the dumps just merged),
-- streamed to the check in batches.
SELECT a.*
FROM core.articles AS a
WHERE a.article_id IN (
    SELECT article_id FROM core.article_sightings WHERE dump_file IN (SELECT unnest($dump_files))
)
