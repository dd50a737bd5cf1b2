-- Template: {table} is an allow-listed published table; its exact row count goes into the marker.
INSERT INTO snapshot.meta.snapshot_tables SELECT $table_name, count(*) FROM {table}
