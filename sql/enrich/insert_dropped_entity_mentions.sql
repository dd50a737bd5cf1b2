INSERT INTO core.dropped_entity_mentions BY NAME
SELECT * FROM batch
