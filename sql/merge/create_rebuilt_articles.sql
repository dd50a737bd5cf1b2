-- Touched articles whose row the batch rebuilt from one of its own sightings (the earliest), with
-- that sighting: their date and entity mentions are the ones the map staged for it.
CREATE OR REPLACE TEMP TABLE rebuilt_articles AS
SELECT
    s.article_id,
    arg_min(s.dump_file, (s.seen_at, s.dump_file, s.record_index)) AS dump_file,
    arg_min(s.record_index, (s.seen_at, s.dump_file, s.record_index)) AS record_index
FROM core.article_sightings AS s
SEMI JOIN touched_articles AS t USING (article_id)
GROUP BY s.article_id;

-- Rebuilt from a sighting outside the batch's parts (another dump, or an earlier part of this one).
DELETE FROM rebuilt_articles AS r
WHERE NOT EXISTS (
    SELECT 1 FROM batch_dumps AS b
    WHERE b.dump_file = r.dump_file AND r.record_index >= b.first_record
)
