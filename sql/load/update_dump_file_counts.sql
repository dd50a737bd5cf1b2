UPDATE ops.dump_files
SET
    records_loaded = (SELECT count(*) FROM core.article_sightings WHERE dump_file = $dump_file),
    records_quarantined = (
        SELECT count(*) FROM quarantine.rejected_records WHERE dump_file = $dump_file
    )
WHERE dump_file = $dump_file
