-- Template: {table} comes from pipelines/quality/suites.py (allow-listed identifiers).
SELECT count(*) AS count_rows FROM {table}
