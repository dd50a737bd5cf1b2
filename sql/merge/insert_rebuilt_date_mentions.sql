INSERT INTO core.date_mentions BY NAME
SELECT m.* EXCLUDE (dump_file, record_index)
FROM staged_date_mentions AS m
JOIN rebuilt_articles AS r USING (dump_file, record_index)
