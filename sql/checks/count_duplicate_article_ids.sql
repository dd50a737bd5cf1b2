SELECT count(*) FROM (
    SELECT article_id FROM core.articles GROUP BY article_id HAVING count(*) > 1
)
