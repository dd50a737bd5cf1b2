SELECT
    d.records_read,
    d.records_loaded,
    d.records_quarantined,
    (SELECT count(DISTINCT article_id) FROM core.article_sightings WHERE dump_file = $dump_file)
        AS count_articles_in_dump,
    (SELECT count(*) FROM core.articles) AS count_articles_total
FROM ops.dump_files AS d
WHERE d.dump_file = $dump_file
