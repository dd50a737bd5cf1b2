-- Template: {expressions}, {table} and {partition} come from pipelines/quality/suites.py
-- (allow-listed identifiers), {part} and {part_count} are integers. One of {part_count} parts of
-- the table, split by a hash of {partition} (its keys), so rows with equal keys fall in the same
-- part. Integers in the text, not bound: with parameters DuckDB planned the reference flags'
-- IN subqueries 10 times slower (3.7 s against 0.4 s for a 485k-row part).
SELECT {expressions} FROM {table} AS t
WHERE hash({partition}) % {part_count} = {part}
