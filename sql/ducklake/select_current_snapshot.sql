-- The DuckLake snapshot a connection reads now (its id grows with every commit).
SELECT max(snapshot_id) FROM ducklake_snapshots($alias)
