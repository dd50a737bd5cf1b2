INSERT INTO core.article_sightings (article_id, dump_file, record_index, record_locator, seen_at)
SELECT article_id, dump_file, record_index, record_locator, seen_at
FROM staging.cleaned_records
SEMI JOIN batch_dumps USING (dump_file)
