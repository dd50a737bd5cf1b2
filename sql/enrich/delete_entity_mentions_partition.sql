-- Mentions of the articles a dump touched (re-found below), and of articles that no longer exist.
DELETE FROM core.entity_mentions
WHERE article_id IN (SELECT article_id FROM core.article_sightings WHERE dump_file = $dump_file)
    OR article_id NOT IN (SELECT article_id FROM core.articles)
