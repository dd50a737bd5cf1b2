SELECT
    (SELECT count(*) FROM core.articles WHERE article_id IS NULL OR content_hash IS NULL)
    + (SELECT count(*) FROM core.article_sightings
       WHERE article_id IS NULL OR dump_file IS NULL OR record_index IS NULL)
    + (SELECT count(*) FROM quarantine.rejected_records
       WHERE dump_file IS NULL OR record_index IS NULL OR reject_reason IS NULL)
