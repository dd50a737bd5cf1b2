-- Violations of the date-mention checks, in DATE_MENTION_CHECKS order, for the articles of the
-- dumps `$dump_files` (all when NULL).
-- Linear in body size, as in count_entity_mention_violations.sql: each span is compared within
-- the ~1,000-character chunk of words it starts in plus the next one, not by substring() on the
-- whole body (which costs the body's length for every mention).
-- Bodies of at most 20000 characters (nearly all) are checked directly with substr(), which is
-- fast there; only longer ones go through the chunks.
-- One part of the checked articles at a time ($part of $part_count, by hash of the id), their
-- text fetched by rowid: memory follows the part's size, not the batch's or the warehouse's.
WITH checked_articles AS (
    SELECT DISTINCT article_id FROM core.article_sightings
    WHERE ($dump_files IS NULL OR dump_file IN (SELECT unnest($dump_files)))
        AND hash(article_id) % $part_count = $part
),
checked_texts AS (
    SELECT article_id, body FROM core.articles
    WHERE rowid IN (
        SELECT rowid FROM core.articles
        WHERE article_id IN (SELECT article_id FROM checked_articles)
    )
),
dump_articles AS (
    SELECT a.article_id
    FROM checked_texts AS a
    WHERE length(a.body) > 20000
),
short_counts AS (
    SELECT
        count(*) FILTER (WHERE is_orphan) AS orphan_mentions,
        count(*) FILTER (
            WHERE NOT is_orphan
                AND substr(body, start_char + 1, end_char - start_char) <> surface_text
        ) AS misplaced_spans,
        count(*) FILTER (
            WHERE resolved_start > resolved_end
                OR (resolved_start IS NULL) <> (resolved_end IS NULL)
        ) AS bad_ranges
    FROM (
        SELECT m.*, a.body, a.article_id IS NULL AS is_orphan
        FROM core.date_mentions AS m
        SEMI JOIN checked_articles USING (article_id)
        LEFT JOIN checked_texts AS a USING (article_id)
        WHERE m.article_id NOT IN (SELECT article_id FROM dump_articles)
    )
),
bodies AS (
    SELECT a.article_id, a.body
    FROM checked_texts AS a
    JOIN dump_articles USING (article_id)
),
words AS (
    SELECT
        article_id, k, word,
        (sum(length(word) + 1) OVER (PARTITION BY article_id ORDER BY k)
            - length(word) - 1)::BIGINT AS word_start
    FROM (
        SELECT article_id, unnest(parts) AS word, generate_subscripts(parts, 1) AS k
        FROM (SELECT article_id, string_split(body, ' ') AS parts FROM bodies)
    )
),
chunks AS (
    SELECT
        article_id, chunk_start,
        chunk || ' ' || coalesce(lead(chunk) OVER (PARTITION BY article_id ORDER BY chunk_start), '')
            AS chunk_window
    FROM (
        SELECT article_id, min(word_start) AS chunk_start, string_agg(word, ' ' ORDER BY k) AS chunk
        FROM words
        GROUP BY article_id, word_start // 1000
    )
),
mentions AS (
    SELECT
        m.article_id, m.start_char, m.end_char, m.surface_text, m.resolved_start, m.resolved_end,
        m.article_id NOT IN (SELECT article_id FROM bodies) AS is_orphan
    FROM core.date_mentions AS m
    JOIN dump_articles USING (article_id)
),
placed AS (  -- no body column here: the ASOF join sorts its rows, copying every string
    SELECT
        m.*,
        m.end_char <= c.chunk_start + length(c.chunk_window) AS fits,
        CASE WHEN fits THEN substr(
            c.chunk_window, m.start_char - c.chunk_start + 1, m.end_char - m.start_char
        ) END AS window_text
    FROM mentions AS m
    ASOF LEFT JOIN chunks AS c ON c.article_id = m.article_id AND m.start_char >= c.chunk_start
),

long_counts AS (
    SELECT
        count(*) FILTER (WHERE p.is_orphan) AS orphan_mentions,
        count(*) FILTER (
            WHERE NOT p.is_orphan AND coalesce(
                p.window_text, substr(b.body, p.start_char + 1, p.end_char - p.start_char)
            ) <> p.surface_text
        ) AS misplaced_spans,
        count(*) FILTER (
            WHERE p.resolved_start > p.resolved_end
                OR (p.resolved_start IS NULL) <> (p.resolved_end IS NULL)
        ) AS bad_ranges
    FROM placed AS p
    LEFT JOIN bodies AS b ON NOT coalesce(p.fits, false) AND b.article_id = p.article_id
)

SELECT
    s.orphan_mentions + l.orphan_mentions,
    s.misplaced_spans + l.misplaced_spans,
    s.bad_ranges + l.bad_ranges
FROM short_counts AS s, long_counts AS l
