-- Violations of the date-mention checks, in DATE_MENTION_CHECKS order, for the articles of the
-- dumps `$dump_files` (all when NULL).
WITH mentions AS (
    SELECT m.*, a.body, a.article_id IS NULL AS is_orphan
    FROM core.date_mentions AS m
    LEFT JOIN core.articles AS a USING (article_id)
    WHERE m.article_id IN (
        SELECT article_id FROM core.article_sightings
        WHERE $dump_files IS NULL OR dump_file IN (SELECT unnest($dump_files))
    )
)
SELECT
    count(*) FILTER (WHERE is_orphan) AS orphan_mentions,
    count(*) FILTER (
        WHERE NOT is_orphan AND substr(body, start_char + 1, end_char - start_char) <> surface_text
    ) AS misplaced_spans,
    count(*) FILTER (
        WHERE resolved_start > resolved_end OR (resolved_start IS NULL) <> (resolved_end IS NULL)
    ) AS bad_ranges
FROM mentions
