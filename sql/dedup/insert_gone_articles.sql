INSERT INTO gone_articles
SELECT article_id FROM core.article_clusters ANTI JOIN core.articles USING (article_id)
