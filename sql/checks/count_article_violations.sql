-- The article checks in LOAD_CHECKS order after dump_reconciles (duplicate article ids, NULL keys,
-- sightings without an article) over the rows of the dumps `$dump_files` (a load's batch), or of
-- the whole warehouse when it is NULL (with the marts and the daily refresh).
WITH checked_articles AS (
    SELECT article_id, content_hash FROM core.articles WHERE $dump_files IS NULL
    UNION ALL
    SELECT a.article_id, a.content_hash
    FROM core.articles AS a
    WHERE $dump_files IS NOT NULL AND a.article_id IN (
        SELECT article_id FROM core.article_sightings
        WHERE dump_file IN (SELECT unnest($dump_files))
    )
),

checked_sightings AS (
    SELECT * FROM core.article_sightings
    WHERE $dump_files IS NULL OR dump_file IN (SELECT unnest($dump_files))
)

SELECT
    (
        SELECT count(*) FROM (
            SELECT article_id FROM checked_articles GROUP BY article_id HAVING count(*) > 1
        )
    ),
    (SELECT count(*) FROM checked_articles WHERE article_id IS NULL OR content_hash IS NULL)
    + (SELECT count(*) FROM checked_sightings
       WHERE article_id IS NULL OR dump_file IS NULL OR record_index IS NULL)
    + (SELECT count(*) FROM quarantine.rejected_records
       WHERE ($dump_files IS NULL OR dump_file IN (SELECT unnest($dump_files)))
           AND (dump_file IS NULL OR record_index IS NULL OR reject_reason IS NULL)),
    (SELECT count(*) FROM checked_sightings ANTI JOIN core.articles USING (article_id))
