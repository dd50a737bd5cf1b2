-- The staged mentions of the given articles, from the sighting each was rebuilt from.
INSERT INTO core.entity_mentions BY NAME
SELECT m.* EXCLUDE (dump_file, record_index)
FROM staged_entity_mentions AS m
JOIN rebuilt_articles AS r USING (dump_file, record_index)
WHERE r.article_id IN (SELECT unnest($article_ids))
