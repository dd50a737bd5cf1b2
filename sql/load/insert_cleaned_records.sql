INSERT INTO staging.cleaned_records BY NAME
SELECT * FROM batch
