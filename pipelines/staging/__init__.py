"""The per-dump map: everything that needs no warehouse state, staged as Parquet for the merge.

Reading, validation, cleaning, identity keys, language, date and entity mentions and MinHash
signatures depend on a record alone. They run on worker processes, chunk by chunk, in parallel
across dumps and within a dump, and write their output beside the warehouse
(`staging/<run>/<dump>/<table>-<chunk>.parquet`). The merge (pipelines/merge) then commits a
batch of staged dumps in one set-based DuckDB transaction.
"""
