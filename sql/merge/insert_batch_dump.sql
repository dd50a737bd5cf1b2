INSERT INTO batch_dumps VALUES ($dump_file)
