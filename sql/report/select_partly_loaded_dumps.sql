-- Dumps with merged records but no ops.dump_files row: a run stopped between the parts of a large
-- dump (or is merging them now). The next run loads them again whole.
SELECT dump_file, count(*) AS records_merged
FROM raw.records
ANTI JOIN ops.dump_files USING (dump_file)
GROUP BY dump_file
ORDER BY dump_file
