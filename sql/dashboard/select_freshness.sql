-- How fresh the published data is.
SELECT
    (SELECT refresh_id FROM meta.snapshot) AS refresh_id,
    (SELECT published_at FROM meta.snapshot) AS snapshot_published_at,
    (SELECT max(last_processed_at) FROM marts.dump_reconciliation) AS last_dump_processed_at,
    (SELECT max(published_at) FROM core.articles) AS newest_article_published_at,
    (SELECT max(last_seen_at) FROM core.articles) AS newest_sighting_at,
    (SELECT count(*) FROM core.articles) AS articles,
    (SELECT count(*) FROM core.clusters) AS stories,
    (SELECT count(*) FROM core.sources) AS outlets,
    (SELECT count(*) FROM marts.dump_reconciliation) AS dumps
