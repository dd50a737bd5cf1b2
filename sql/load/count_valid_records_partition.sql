SELECT count(*)
FROM raw.records AS r
WHERE r.dump_file = $dump_file
  AND NOT EXISTS (
      SELECT 1 FROM quarantine.rejected_records AS q
      WHERE q.dump_file = $dump_file AND q.stage = 'validate' AND q.record_index = r.record_index
  )
