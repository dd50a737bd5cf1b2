-- Every distinct (declared source, URL host) pair of the articles, with its article count.
SELECT source, core.url_host(coalesce(url, canonical_url)) AS host, count(*) AS count_articles
FROM core.articles
GROUP BY ALL
