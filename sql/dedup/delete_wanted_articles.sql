DELETE FROM wanted_articles
