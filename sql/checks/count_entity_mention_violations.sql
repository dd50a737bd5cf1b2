-- Per check, for the articles of the dumps `$dump_files` (all when NULL): mentions whose entity
-- is missing; mentions whose offsets/surface disagree with the text.
WITH mentions AS (
    SELECT m.*, CASE m.field WHEN 'title' THEN a.title ELSE a.body END AS text
    FROM core.entity_mentions AS m
    LEFT JOIN core.articles AS a USING (article_id)
    WHERE m.article_id IN (
        SELECT article_id FROM core.article_sightings
        WHERE $dump_files IS NULL OR dump_file IN (SELECT unnest($dump_files))
    )
)
SELECT
    count(*) FILTER (WHERE entity_id NOT IN (SELECT entity_id FROM core.entities)),
    count(*) FILTER (
        WHERE text IS NULL OR start_char < 0 OR end_char > length(text) OR start_char >= end_char
            OR substring(text, start_char + 1, end_char - start_char) <> surface
    )
FROM mentions
