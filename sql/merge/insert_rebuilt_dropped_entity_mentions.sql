-- The staged dropped spans of the given articles, from the sighting each was rebuilt from.
INSERT INTO core.dropped_entity_mentions BY NAME
SELECT d.* EXCLUDE (dump_file, record_index)
FROM staged_dropped_entity_mentions AS d
JOIN rebuilt_articles AS r USING (dump_file, record_index)
WHERE r.article_id IN (SELECT unnest($article_ids))
