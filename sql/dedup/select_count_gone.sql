-- How many clustered articles no longer exist, from row counts: every article_clusters row is an
-- existing article (clustered, or pending after a reload) or a gone one, and pending articles
-- without a row are new. Cheaper than the anti-join of two warehouse-sized tables it avoids.
SELECT
    (SELECT count(*) FROM core.article_clusters)
    - (SELECT count(*) FROM core.articles)
    + (SELECT count(*) FROM pending_articles)
    - (SELECT count(*) FROM pending_articles SEMI JOIN core.article_clusters USING (article_id))
    AS count_gone
