-- Per check, for the articles of the dumps `$dump_files` (all when NULL): mentions whose entity
-- is missing; mentions whose offsets/surface disagree with the text.
-- Linear in body size: substring() and length() on a long text cost its length, once per mention
-- (a 5.7 MB body took minutes). So the text is split on spaces once, the words are grouped into
-- chunks of about 1,000 characters by their start offset, and a mention is compared within the
-- chunk it starts in plus the next one (the whole text only for a surface longer than that).
-- Texts of at most 20000 characters (nearly all) are checked directly with substring(), which
-- is fast there; only longer ones go through the chunks.
-- One part of the checked articles at a time ($part of $part_count, by hash of the id), their
-- text fetched by rowid: memory follows the part's size, not the batch's or the warehouse's.
WITH checked_articles AS (
    SELECT DISTINCT article_id FROM core.article_sightings
    WHERE ($dump_files IS NULL OR dump_file IN (SELECT unnest($dump_files)))
        AND hash(article_id) % $part_count = $part
),
checked_texts AS (
    SELECT article_id, title, body FROM core.articles
    WHERE rowid IN (
        SELECT rowid FROM core.articles
        WHERE article_id IN (SELECT article_id FROM checked_articles)
    )
),
dump_articles AS (
    SELECT a.article_id
    FROM checked_texts AS a
    WHERE greatest(length(a.title), length(a.body)) > 20000
),
short_mentions AS (
    SELECT m.*, CASE m.field WHEN 'title' THEN a.title ELSE a.body END AS text
    FROM core.entity_mentions AS m
    SEMI JOIN checked_articles USING (article_id)
    LEFT JOIN checked_texts AS a USING (article_id)
    WHERE m.article_id NOT IN (SELECT article_id FROM dump_articles)
),
short_counts AS (
    SELECT
        count(*) FILTER (WHERE entity_id NOT IN (SELECT entity_id FROM core.entities)) AS missing,
        count(*) FILTER (
            WHERE text IS NULL OR start_char < 0 OR end_char > length(text)
                OR start_char >= end_char
                OR substring(text, start_char + 1, end_char - start_char) <> surface
        ) AS misplaced
    FROM short_mentions
),
texts AS (
    SELECT a.article_id, f.field, CASE f.field WHEN 'title' THEN a.title ELSE a.body END AS text
    FROM checked_texts AS a
    JOIN dump_articles USING (article_id)
    CROSS JOIN (VALUES ('title'), ('body')) AS f(field)
),
words AS (
    SELECT
        article_id, field, k, word,
        (sum(length(word) + 1) OVER (PARTITION BY article_id, field ORDER BY k)
            - length(word) - 1)::BIGINT AS word_start
    FROM (
        SELECT article_id, field, unnest(parts) AS word, generate_subscripts(parts, 1) AS k
        FROM (
            SELECT article_id, field, string_split(text, ' ') AS parts
            FROM texts
            WHERE text IS NOT NULL
        )
    )
),
sizes AS (
    SELECT article_id, field, max(word_start + length(word)) AS count_chars
    FROM words
    GROUP BY ALL
),
chunks AS (
    SELECT
        article_id, field, chunk_start,
        chunk || ' ' || coalesce(
            lead(chunk) OVER (PARTITION BY article_id, field ORDER BY chunk_start), ''
        ) AS chunk_window
    FROM (
        SELECT
            article_id, field, min(word_start) AS chunk_start,
            string_agg(word, ' ' ORDER BY k) AS chunk
        FROM words
        GROUP BY article_id, field, word_start // 1000
    )
),
mentions AS (
    SELECT
        m.article_id, m.entity_id, m.start_char, m.end_char, m.surface,
        CASE WHEN m.field = 'title' THEN 'title' ELSE 'body' END AS text_field
    FROM core.entity_mentions AS m
    JOIN dump_articles USING (article_id)
),
placed AS (  -- no text column here: the ASOF join sorts its rows, copying every string
    SELECT
        m.*,
        m.end_char <= c.chunk_start + length(c.chunk_window) AS fits,
        CASE WHEN fits THEN substring(
            c.chunk_window, m.start_char - c.chunk_start + 1, m.end_char - m.start_char
        ) END AS window_text
    FROM mentions AS m
    ASOF LEFT JOIN chunks AS c
        ON c.article_id = m.article_id AND c.field = m.text_field
        AND m.start_char >= c.chunk_start
),

long_counts AS (
    SELECT
        count(*) FILTER (WHERE p.entity_id NOT IN (SELECT entity_id FROM core.entities)) AS missing,
        count(*) FILTER (
            WHERE s.count_chars IS NULL OR p.start_char < 0 OR p.end_char > s.count_chars
                OR p.start_char >= p.end_char
                OR coalesce(
                    p.window_text, substring(t.text, p.start_char + 1, p.end_char - p.start_char)
                ) IS DISTINCT FROM p.surface
        ) AS misplaced
    FROM placed AS p
    LEFT JOIN sizes AS s ON s.article_id = p.article_id AND s.field = p.text_field
    LEFT JOIN texts AS t
        ON NOT coalesce(p.fits, false) AND t.article_id = p.article_id AND t.field = p.text_field
)

SELECT s.missing + l.missing, s.misplaced + l.misplaced
FROM short_counts AS s, long_counts AS l
