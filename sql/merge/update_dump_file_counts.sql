UPDATE ops.dump_files AS d
SET
    records_loaded = (SELECT count(*) FROM core.article_sightings AS s WHERE s.dump_file = d.dump_file),
    records_quarantined = (
        SELECT count(*) FROM quarantine.rejected_records AS q WHERE q.dump_file = d.dump_file
    )
WHERE d.dump_file IN (SELECT dump_file FROM batch_dumps)
