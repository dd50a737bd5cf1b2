SELECT entity_type, count(*) FROM core.entity_mentions
WHERE article_id IN (SELECT unnest($article_ids))
GROUP BY entity_type ORDER BY entity_type
