INSERT INTO raw.records BY NAME
SELECT * FROM batch
