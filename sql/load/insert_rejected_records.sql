INSERT INTO quarantine.rejected_records BY NAME
SELECT * FROM batch
