-- Articles the batch's parts may change: those seen in them before and those they hold now.
CREATE OR REPLACE TEMP TABLE touched_articles AS
SELECT s.article_id FROM core.article_sightings AS s
SEMI JOIN batch_dumps AS b ON s.dump_file = b.dump_file AND s.record_index >= b.first_record
UNION
SELECT c.article_id FROM staging.cleaned_records AS c
SEMI JOIN batch_dumps AS b ON c.dump_file = b.dump_file AND c.record_index >= b.first_record
