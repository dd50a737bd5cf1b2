DELETE FROM core.articles WHERE article_id IN (SELECT article_id FROM touched_articles)
