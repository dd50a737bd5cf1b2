DELETE FROM quarantine.rejected_records WHERE dump_file = $dump_file AND stage = $stage
