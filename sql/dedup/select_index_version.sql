-- Version of the persisted LSH index: the stored one, else 1 when an index exists from before
-- versions were recorded, else NULL (empty warehouse).
SELECT coalesce(
    (SELECT max(index_version) FROM core.dedup_index),
    (SELECT 1 FROM core.article_bands LIMIT 1)
) AS index_version
