INSERT INTO batch_dumps VALUES ($dump_file, $first_record)
