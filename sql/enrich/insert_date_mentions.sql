INSERT INTO core.date_mentions BY NAME
SELECT * FROM batch
