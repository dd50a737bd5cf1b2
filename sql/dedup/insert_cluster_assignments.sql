INSERT INTO cluster_assignments BY NAME
SELECT article_id, cluster_id, method, similarity, is_canonical FROM batch
