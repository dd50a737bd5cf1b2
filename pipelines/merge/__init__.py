"""The serialized merge: staged dumps into the warehouse, one set-based DuckDB transaction a batch.

Everything that needs warehouse state happens here: merging sightings into articles, the LSH
candidate join and clusters, which mentions an article keeps, entity ids and names.
"""
