INSERT INTO core.article_sightings (article_id, dump_file, record_index, record_locator, seen_at)
SELECT article_id, dump_file, record_index, record_locator, seen_at
FROM staging.cleaned_records AS c
SEMI JOIN batch_dumps AS b ON c.dump_file = b.dump_file AND c.record_index >= b.first_record
