-- Mentions of a dump's articles (those re-found now and those that were current).
SELECT count(*)
FROM core.entity_mentions
WHERE article_id IN (SELECT article_id FROM core.article_sightings WHERE dump_file = $dump_file)
