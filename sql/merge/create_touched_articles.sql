-- Articles a reload of the batch's dumps may change: those seen in them before and those they hold now.
CREATE OR REPLACE TEMP TABLE touched_articles AS
SELECT article_id FROM core.article_sightings SEMI JOIN batch_dumps USING (dump_file)
UNION
SELECT article_id FROM staging.cleaned_records SEMI JOIN batch_dumps USING (dump_file)
