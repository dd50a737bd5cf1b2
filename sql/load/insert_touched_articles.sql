-- Rebuild each touched article from its earliest sighting (seen_at, dump_file, record_index), so the
-- row does not depend on the order in which dumps are (re)loaded.
WITH sightings AS (
    SELECT s.article_id, s.dump_file, s.record_index, s.seen_at
    FROM core.article_sightings AS s
    SEMI JOIN touched_articles AS t USING (article_id)
),
seen AS (
    SELECT
        article_id,
        count(*) AS count_sightings,
        min(seen_at) AS first_seen_at,
        max(seen_at) AS last_seen_at,
        arg_min(
            {'dump_file': dump_file, 'record_index': record_index},
            (seen_at, dump_file, record_index)
        ) AS first_sighting
    FROM sightings
    GROUP BY article_id
)
INSERT INTO core.articles (
    article_id, url, canonical_url, source, title, body, language, published_at, published_at_raw,
    published_at_source, published_at_confidence, is_published_at_ambiguous,
    content_hash, authors, cluster_id, is_canonical, count_sightings, first_seen_at, last_seen_at,
    count_body_chars
)
SELECT
    c.article_id, c.url, c.canonical_url, c.source, c.title, c.body, c.language, c.published_at,
    c.published_at_raw, c.published_at_source, c.published_at_confidence,
    c.is_published_at_ambiguous, c.content_hash, c.authors, NULL, NULL,
    seen.count_sightings, seen.first_seen_at, seen.last_seen_at, coalesce(length(c.body), 0)
FROM seen
JOIN staging.cleaned_records AS c
    ON c.dump_file = seen.first_sighting.dump_file
    AND c.record_index = seen.first_sighting.record_index
