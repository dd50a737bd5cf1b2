-- Benchmark only: minimal core.articles rows (not clustered yet) for bench/bench_dedup.py.
INSERT INTO core.articles (
    article_id, source, body, content_hash, count_sightings, first_seen_at, last_seen_at,
    count_body_chars
)
SELECT article_id, source, body, content_hash, 1, TIMESTAMPTZ '2025-01-01', TIMESTAMPTZ '2025-01-01',
    length(body)
FROM batch
