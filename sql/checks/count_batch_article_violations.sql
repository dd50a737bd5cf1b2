-- The article checks of a merged batch, in LOAD_CHECKS order after dump_reconciles: duplicate
-- article ids, NULL keys, sightings without an article; over the batch's rows only (the full
-- warehouse is checked by the scheduled refresh).
WITH batch_articles AS (
    SELECT DISTINCT article_id FROM core.article_sightings
    WHERE dump_file IN (SELECT unnest($dump_files))
)

SELECT
    (
        SELECT count(*) FROM (
            SELECT article_id FROM core.articles SEMI JOIN batch_articles USING (article_id)
            GROUP BY article_id HAVING count(*) > 1
        )
    ),
    (SELECT count(*) FROM core.articles SEMI JOIN batch_articles USING (article_id)
     WHERE content_hash IS NULL)
    + (SELECT count(*) FROM core.article_sightings
       WHERE dump_file IN (SELECT unnest($dump_files)) AND (article_id IS NULL OR record_index IS NULL))
    + (SELECT count(*) FROM quarantine.rejected_records
       WHERE dump_file IN (SELECT unnest($dump_files))
           AND (record_index IS NULL OR reject_reason IS NULL)),
    (
        SELECT count(*) FROM core.article_sightings AS s
        ANTI JOIN core.articles AS a USING (article_id)
        WHERE s.dump_file IN (SELECT unnest($dump_files))
    )
