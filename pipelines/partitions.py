"""One dynamic partition per dump file; the key is its path relative to the landing folder."""

import dagster as dg

dumps_partitions = dg.DynamicPartitionsDefinition(name="dumps")

# Every asset that writes the DuckDB file runs in this pool (limit 1): one writer at a time.
WAREHOUSE_POOL = "duckdb_warehouse"
