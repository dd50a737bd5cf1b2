-- Articles whose rows a reload of this dump may change: those it was seen in before and those it holds now.
CREATE OR REPLACE TEMP TABLE touched_articles AS
SELECT article_id FROM core.article_sightings WHERE dump_file = $dump_file
UNION
SELECT article_id FROM staging.cleaned_records WHERE dump_file = $dump_file
