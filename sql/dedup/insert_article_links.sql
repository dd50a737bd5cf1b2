INSERT INTO core.article_links (article_id, other_article_id, similarity)
SELECT article_id, other_article_id, similarity FROM batch
