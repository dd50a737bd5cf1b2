-- Template: {expressions} and {table} come from pipelines/quality/suites.py (allow-listed identifiers).
SELECT {expressions} FROM {table} AS t
