DELETE FROM core.article_sightings AS s
WHERE EXISTS (
    SELECT 1 FROM batch_dumps AS b
    WHERE b.dump_file = s.dump_file AND s.record_index >= b.first_record
)
