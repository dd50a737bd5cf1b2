SELECT article_id, body FROM core.articles SEMI JOIN wanted_articles USING (article_id)
